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
import { claimOnce, logOnce } from "./console-once";
import type { SignalData } from "./signal";
import { callFetch, type FetchLike } from "./signal-request";

/** Values that look like a session id but are a placeholder or a stringified nothing. */
const PLACEHOLDER_SESSION_IDS = new Set(["", "undefined", "null", "session", "feedback"]);

/** Consecutive renders, each with a new `session_id`, after which it is reported as unstable. */
export const UNSTABLE_SESSION_ID_RENDERS = 3;

const SESSION_ID_FIX =
  "Use the id your server passed to agentic_session(session_id=...): read it from the X-Session-ID response header " +
  "with readSessionId(response), or create one with createSessionId() and send it to your server with the request.";

/**
 * Warns, once per value and place, when `sessionId` is empty or a placeholder
 * such as `"undefined"`: each wrong call site is named on the first run.
 */
export function checkSessionId(sessionId: unknown, where: string): void {
  if (process.env.NODE_ENV === "production") return;
  if (typeof sessionId !== "string") return;
  const normalized = sessionId.trim().toLowerCase();
  if (!PLACEHOLDER_SESSION_IDS.has(normalized)) return;
  logOnce(
    "warn",
    `kelet:placeholder-session-id:${normalized}:${where}`,
    `[kelet] ${where} got session_id ${JSON.stringify(sessionId)}, which is ${normalized === "" ? "empty" : "a placeholder, not a real id"}: ` +
      `Kelet cannot link its signals to the AI session they are about. ${SESSION_ID_FIX}`,
  );
}

/**
 * Where each signal on its way was made (a component, hook or adapter), for messages that name it.
 * One map for the page: the adapter entries bundle their own copy of this module.
 */
const signalPlaces = (): WeakMap<object, string> => ((globalThis as Record<symbol, WeakMap<object, string>>)[Symbol.for("kelet.signal-places")] ??= new WeakMap());

/** The place that made `data`, when one said so (development only). */
export const placeOfSignal = (data: unknown): string | undefined => (data && typeof data === "object" ? signalPlaces().get(data) : undefined);

/** Notes that `data` was made by `place`, unless a caller closer to it already did. Development only. */
export function markSignalPlace(data: unknown, place: string): void {
  try {
    if (process.env.NODE_ENV !== "production" && data && typeof data === "object" && !placeOfSignal(data)) signalPlaces().set(data, place);
  } catch {
    // No bundler, no `process`: no messages.
  }
}

/**
 * Warns about a placeholder `session_id` on a signal (one identified by its trace needs none), naming the
 * place that made it, else `where`. Safe to call anywhere: a production bundle drops the call, and a
 * page without `process` gets no message.
 */
export function checkSignalSessionId(data: SignalData, where = "A /core client's signal()"): void {
  try {
    if (process.env.NODE_ENV !== "production" && !data?.trace_id) checkSessionId(data?.session_id, placeOfSignal(data) ?? where);
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

/** The key of "`where` has no provider": one message per component or hook kind, whether found at mount or at send. */
export const noProviderKey = (where: string): string => `kelet:no-provider:${where}`;

/** Warns once per `where` that it has neither `onFeedback` nor a `KeletProvider` above it. */
export function reportNoSignalDestination(where: string): void {
  if (process.env.NODE_ENV === "production") return;
  logOnce(
    "warn",
    noProviderKey(where),
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

/** What {@link probeOrigin} found: the origin answered, nothing answered, or the page cannot ask. */
export type ProbeResult = "answers" | "unreachable" | "unknown";

/**
 * Asks `origin` for anything with a `no-cors` request: the browser lets it
 * through whatever CORS says and hides only the answer, so an answer means the
 * server is up, and a failure that it is down or unreachable.
 */
export async function probeOrigin(origin: string): Promise<ProbeResult> {
  if (typeof globalThis.fetch !== "function") return "unknown";
  try {
    const timeout = typeof AbortSignal.timeout === "function" ? AbortSignal.timeout(5000) : undefined;
    await globalThis.fetch(`${origin}/`, { mode: "no-cors", cache: "no-store", credentials: "omit", signal: timeout });
    return "answers";
  } catch (error) {
    return (error as Error)?.name === "TimeoutError" || (error as Error)?.name === "AbortError" ? "unknown" : "unreachable";
  }
}

const corsFix = (page: string, target: string) =>
  `the browser blocks the request unless the API answers with "Access-Control-Allow-Origin: ${page}" (and allows the ` +
  `Authorization and Content-Type headers). Ask for ${page} to be allowed for your project, or send signals through your ` +
  `own server: point baseUrl at a same-origin path (e.g. baseUrl="/kelet") that forwards to ${target}.`;

/** The development message for a cross-origin request that failed before any answer, by what the probe found. */
export function networkFailureMessage(url: string, reason: string, page: string, target: string, found: ProbeResult): string {
  const { baseUrl } = targetOf(url);
  const failed = `[kelet] A signal to ${url} failed before any answer (${reason}).`;
  if (found === "answers")
    return `${failed} ${target} does answer this page (a no-cors probe got through), so the server is up and the cause is CORS: ${corsFix(page, target)}`;
  if (found === "unreachable")
    return (
      `${failed} Nothing answers at ${target}: the server is down or unreachable (a wrong baseUrl, "${baseUrl}" here; no network; ` +
      `a firewall or a blocker), so this is not CORS. Signals that cannot leave are kept and retried. Check that baseUrl names a server that is running.`
    );
  return `${failed} Either the server at ${target} is down or unreachable (check baseUrl, "${baseUrl}" here), or it is CORS: ${corsFix(page, target)}`;
}

/**
 * Explains a request that failed before any answer when it went to another
 * origin: either the server is down or unreachable, or CORS refused it. A
 * `no-cors` probe of the origin tells them apart; the message names the URL.
 * Once per origin.
 */
export function diagnoseNetworkFailure(error: unknown, url: string): void {
  if (process.env.NODE_ENV === "production") return;
  if (!isNetworkError(error)) return;
  const page = pageOrigin();
  const target = originOf(url);
  if (page === undefined || target === undefined || target === page || !claimOnce(`kelet:network-failure:${target}`)) return;
  const reason = (error as Error).message;
  void probeOrigin(target).then((found) => console.error(networkFailureMessage(url, reason, page, target, found)));
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
