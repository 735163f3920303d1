/**
 * Development-only messages for mistakes that otherwise fail silently: a
 * misconfigured integration looks exactly like a working one. Each cause is
 * reported once per page with the fix in the message; a production build
 * says nothing.
 *
 * Each function starts with the literal test `process.env.NODE_ENV === "production"`
 * (not a helper call, which a bundler cannot fold): an app's bundler replaces
 * `process.env.NODE_ENV`, folds the test to `true`, and drops the messages
 * from its production bundle. Reading it bare is as safe as React itself,
 * whose entry reads `process.env.NODE_ENV` too: wherever React loads, it is
 * replaced or defined. It is read at call time, so tests can use `vi.stubEnv`.
 */
import { logOnce } from "./console-once";
import type { FeedbackData } from "./signal";
import { callFetch, type FetchLike } from "./signal-request";

/** Values that look like a session id but are a placeholder or a stringified nothing. */
const PLACEHOLDER_SESSION_IDS = new Set(["", "undefined", "null", "session", "feedback"]);

/** Consecutive renders, each with a new `session_id`, after which it is reported as unstable. */
export const UNSTABLE_SESSION_ID_RENDERS = 3;

const SESSION_ID_FIX =
  "Use the id your server passed to agentic_session(session_id=...): read it from the X-Session-ID response header " +
  "with readSessionId(response), or create one with createSessionId() and send it to your server with the request.";

/** Warns (once per value) when `sessionId` is empty or a placeholder such as `"undefined"`. */
export function checkSessionId(sessionId: unknown, where: string): void {
  if (process.env.NODE_ENV === "production") return;
  if (typeof sessionId !== "string") return;
  const normalized = sessionId.trim().toLowerCase();
  if (!PLACEHOLDER_SESSION_IDS.has(normalized)) return;
  logOnce(
    "warn",
    `kelet:placeholder-session-id:${normalized}`,
    `[kelet] ${where} got session_id ${JSON.stringify(sessionId)}, which is ${normalized === "" ? "empty" : "a placeholder, not a real id"}: ` +
      `Kelet cannot link its signals to the AI session they are about. ${SESSION_ID_FIX}`,
  );
}

/**
 * Warns about a placeholder `session_id` on a signal sent by hand (one identified by its trace needs none).
 * Safe to call anywhere: a production bundle drops the call, and a page without `process` gets no message.
 */
export function checkSignalSessionId(data: FeedbackData): void {
  try {
    if (process.env.NODE_ENV !== "production" && !data?.trace_id) checkSessionId(data?.session_id, "A feedback signal");
  } catch {
    // A message is not worth a lost signal.
  }
}

/** Warns once that `where` received a new `session_id` on each of its last renders. */
export function reportUnstableSessionId(where: string, renders: number): void {
  if (process.env.NODE_ENV === "production") return;
  logOnce(
    "warn",
    `kelet:unstable-session-id:${where}`,
    `[kelet] ${where} got a different session_id on each of its last ${renders} renders, so every vote or edit lands in a new session. ` +
      `This usually means the id is created during render (crypto.randomUUID(), Date.now() or createSessionId() in the component body): ` +
      `create it once per conversation (useState(() => createSessionId())) or keep the id the server returned. ${SESSION_ID_FIX}`,
  );
}

/** Warns once that `where` has neither `onFeedback` nor a `KeletProvider` above it. */
export function reportNoSignalDestination(where: string): void {
  if (process.env.NODE_ENV === "production") return;
  logOnce(
    "warn",
    // The same key as useKeletSignal's send-time warning: one cause, one message per page.
    "kelet:no-provider-signal",
    `[kelet] ${where} has no onFeedback handler and no KeletProvider above it, so its signals go nowhere. ` +
      `Wrap your app in <KeletProvider apiKey="pk-kelet-..." project="your-project">, or pass onFeedback to handle the signals yourself.`,
  );
}

/** The settings a signal URL was built from (`{baseUrl}/api/projects/{project}/signal`), for messages that say which to fix. */
function targetOf(url: string): { baseUrl: string; project: string } {
  const match = /^(.*)\/api\/projects\/([^/]*)\/signal$/.exec(url);
  if (!match) return { baseUrl: url, project: "?" };
  let project = match[2]!;
  try {
    project = decodeURIComponent(project);
  } catch {
    // Keep it as sent.
  }
  return { baseUrl: match[1]!, project };
}

function pageOrigin(): string | undefined {
  try {
    return typeof location === "object" && location && location.origin !== "null" ? location.origin : undefined;
  } catch {
    return undefined;
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url, pageOrigin()).origin;
  } catch {
    return undefined;
  }
}

/** Explains a 401, 403 or 404 from the API; other statuses are the delivery policy's business. */
export function diagnoseApiStatus(status: number | undefined, url: string): void {
  if (process.env.NODE_ENV === "production") return;
  if (status !== 401 && status !== 403 && status !== 404) return;
  const target = targetOf(url);
  if (status === 401 || status === 403) {
    logOnce(
      "error",
      "kelet:api-refused-key",
      `[kelet] The Kelet API answered ${status} for project "${target.project}" (${url}): it does not accept this key for this project. ` +
        `Pass KeletProvider (or createKeletClient) the project's publishable key (pk-kelet-..., or pk_... in older projects), from the API keys settings of that project in Kelet, ` +
        `and check that \`project\` names the project the key belongs to.`,
    );
  } else if (status === 404) {
    logOnce(
      "error",
      "kelet:api-not-found",
      `[kelet] The Kelet API answered 404 for ${url}: no such project at this address. ` +
        `Check \`project\` (the project's name in Kelet, "${target.project}" here) and \`baseUrl\` ("${target.baseUrl}" here): ` +
        `it is the API origin, https://api.kelet.ai unless you run your own, or a proxy path that forwards to it, without /api/projects/... .`,
    );
  }
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "AbortError" || error.name === "TimeoutError") return false;
  return error instanceof TypeError || error.name === "TypeError" || error.cause instanceof TypeError;
}

/** Explains a request that failed before any answer when it went to another origin: almost always CORS. */
export function diagnoseNetworkFailure(error: unknown, url: string): void {
  if (process.env.NODE_ENV === "production") return;
  if (!isNetworkError(error)) return;
  const page = pageOrigin();
  const target = originOf(url);
  if (page === undefined || target === undefined || target === page) return;
  logOnce(
    "error",
    "kelet:cors",
    `[kelet] A signal to ${target} failed before any answer (${(error as Error).message}). From this page (${page}) that is usually CORS: ` +
      `the browser blocks the request unless the API answers with "Access-Control-Allow-Origin: ${page}" (and allows the ` +
      `Authorization and Content-Type headers). Ask for ${page} to be allowed for your project, or send signals through your ` +
      `own server: point baseUrl at a same-origin path (e.g. baseUrl="/kelet") that forwards to ${target}.`,
  );
}

/**
 * In development (and tests), wraps a transport so each attempt's outcome is diagnosed:
 * a 401/403/404 answer, or a cross-origin request that failed (CORS).
 * The response or error passes through untouched. A production build returns `transport` as it is.
 */
export function withDeliveryDiagnostics(transport: FetchLike | undefined): FetchLike | undefined {
  // Shaped so a production bundle folds this to `return transport` and drops the wrapper;
  // a page without `process` (no bundler) lands in the catch: development.
  try {
    if (process.env.NODE_ENV !== "production") return diagnosed(transport);
  } catch {
    return diagnosed(transport);
  }
  return transport;
}

/** `transport` (`undefined`: `globalThis.fetch` at send time), each answer and failure diagnosed. */
function diagnosed(transport: FetchLike | undefined): FetchLike {
  return (url, init) => {
    // A transport that throws at once (or no fetch at all) made no request: the throw goes on as it is.
    const pending = callFetch(transport, url, init);
    return Promise.resolve(pending).then(
      (response) => {
        if (response != null && typeof response === "object" && typeof response.status === "number") {
          const { status } = response;
          runDiagnostic(() => diagnoseApiStatus(status, url));
        }
        return response;
      },
      (error: unknown) => {
        runDiagnostic(() => diagnoseNetworkFailure(error, url));
        throw error;
      },
    );
  };
}

/**
 * Runs a development message so that it can never break a send: a page that
 * loads the `/core` build without a bundler has no `process`, and the bare
 * `process.env.NODE_ENV` test above then throws. Such a page gets no messages.
 */
export function runDiagnostic(diagnose: () => void): void {
  try {
    diagnose();
  } catch {
    // A message is not worth a lost signal.
  }
}
