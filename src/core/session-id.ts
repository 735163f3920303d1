import { logOnce } from "./console-once";

/** The response header the server sets to the id it passed to `agentic_session(session_id=...)`. */
export const SESSION_ID_HEADER = "X-Session-ID";

/** What {@link readSessionId} reads: a `Response`, or anything shaped like one. */
export interface SessionIdResponse {
  headers?: { get(name: string): string | null } | null;
  /** The response URL, used to tell a cross-origin response in development. */
  url?: string;
  /** `"cors"` for a cross-origin response in a browser. */
  type?: string;
}

/**
 * A new random session id (a version 4 UUID) for a unit of work that starts
 * in the browser: send it to your server so it can use the same id in
 * `agentic_session(session_id=...)`, and give it to `VoteFeedback.Root`.
 * Uses `crypto.getRandomValues`, which every browser has (`crypto.randomUUID`
 * only in secure contexts), so plain-http pages get the same ids.
 */
export function createSessionId(): string {
  const bytes = new Uint8Array(16);
  try {
    crypto.getRandomValues(bytes);
  } catch {
    // No Web Crypto (very old runtimes): unique enough for a session id, not for secrets. The array truncates to a byte.
    for (let i = 0; i < 16; i++) bytes[i] = Math.random() * 256;
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => (byte + 0x100).toString(16).slice(1)).join("");
  return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-");
}

function crossOriginOf(response: SessionIdResponse): string | undefined {
  if (typeof response.url !== "string" || response.url === "") return response.type === "cors" ? "another origin" : undefined;
  try {
    const origin = new URL(response.url).origin;
    const pageOrigin = typeof location === "object" && location ? location.origin : undefined;
    if (response.type === "cors" || (pageOrigin !== undefined && origin !== pageOrigin)) return origin;
  } catch {
    // A relative or odd URL is the page's own origin.
  }
  return undefined;
}

/**
 * The session id the server put in the `X-Session-ID` response header, or
 * `null` when the response has none. In development, a cross-origin response
 * without it gets a console warning with the usual fix
 * (`Access-Control-Expose-Headers: X-Session-ID` on the server).
 *
 * @example
 * const response = await fetch("/api/chat", { method: "POST", body });
 * const sessionId = readSessionId(response) ?? fallbackId;
 */
export function readSessionId(response: SessionIdResponse | null | undefined): string | null {
  let value: unknown;
  try {
    value = response?.headers?.get?.(SESSION_ID_HEADER);
  } catch {
    // A broken headers object has no session id.
  }
  const sessionId = typeof value === "string" ? value.trim() : "";
  if (sessionId !== "") return sessionId;
  try {
    // Written out so app bundlers drop the message from production builds; a page without a bundler (no `process`) gets no message.
    if (process.env.NODE_ENV !== "production" && response) warnIfHeaderHidden(response);
  } catch {
    // A message is not worth the answer.
  }
  return null;
}

/** In development, once per origin: a cross-origin response hides the header unless the server exposes it. */
function warnIfHeaderHidden(response: SessionIdResponse): void {
  const origin = crossOriginOf(response);
  if (origin === undefined) return;
  logOnce(
    "warn",
    `kelet:session-header-hidden:${origin}`,
    `[kelet] readSessionId: the response from ${origin} has no ${SESSION_ID_HEADER} header this page can read. ` +
      `A browser hides response headers of a cross-origin response unless the server lists them: ` +
      `make the server that sets ${SESSION_ID_HEADER} also send "Access-Control-Expose-Headers: ${SESSION_ID_HEADER}".`,
  );
}
