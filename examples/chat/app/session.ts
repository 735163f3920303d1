// The client half of the session-id flow: make an id with createSessionId(),
// send it with each request to the agent, and read back the id the server ran
// the agent under with readSessionId(response) (its X-Session-ID header).
import { readSessionId } from "@kelet-ai/feedback-ui";

export { createSessionId } from "@kelet-ai/feedback-ui";

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
