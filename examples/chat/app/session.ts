// The client half of the session-id flow: make an id, send it with each
// request to the agent, and read back the id the server ran the agent under.

/** A new id for one conversation. */
export function createSessionId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The `X-Session-ID` the server answered with, or null when it sent none (or CORS hid it). */
export function readSessionId(response: Pick<Response, "headers">): string | null {
  const id = response.headers.get("X-Session-ID")?.trim();
  return id ? id : null;
}

/** Calls one of the demo agent's endpoints with the conversation's session id. */
export async function callAgent(path: string, body: unknown, sessionId: string): Promise<{ response: Response; sessionId: string | null }> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Session-ID": sessionId },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status} ${response.statusText}`);
  return { response, sessionId: readSessionId(response) };
}
