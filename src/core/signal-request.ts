import { FeedbackSubmitError } from "./errors";

/** The `init` the transport passes to `fetch`: exactly the two headers the API expects. */
export interface SignalRequestInit {
  method: "POST";
  headers: { "Content-Type": "application/json"; Authorization: string };
  body: string;
  keepalive?: boolean;
  signal?: AbortSignal;
}

/** The part of a `Response` the client reads; anything may be missing. */
export interface ResponseLike {
  ok?: boolean;
  status?: number;
  statusText?: string;
  headers?: { get(name: string): string | null } | null;
}

/** A `fetch` (or a test's or proxy's stand-in) called as `fetch(url, init)`. */
export type FetchLike = (url: string, init: SignalRequestInit) => Promise<ResponseLike | undefined | null>;

/** Where and as whom a signal is sent. */
export interface SignalTarget {
  apiKey: string;
  project: string;
  baseUrl: string;
}

/** What one attempt came to. Delivery decides from this whether to try again. */
export type AttemptOutcome =
  | { delivered: true }
  | { delivered: false; error: FeedbackSubmitError; retryAfterHeader?: string | null };

/** Reads a response that may lack `ok`, `status` or `headers`; never throws. */
export function readAttemptOutcome(response: ResponseLike | undefined | null): AttemptOutcome {
  if (response == null || typeof response != "object") return { delivered: false, error: new FeedbackSubmitError("no response") };
  const status = typeof response.status == "number" ? response.status : undefined;
  if (typeof response.ok == "boolean" ? response.ok : status! >= 200 && status! < 300) return { delivered: true };
  let retryAfterHeader: string | null | undefined;
  try {
    retryAfterHeader = response.headers?.get?.("Retry-After");
  } catch {
    // An unreadable header is an absent one.
  }
  return { delivered: false, error: new FeedbackSubmitError(response.statusText || (status === undefined ? "no status" : `HTTP ${status}`), status), retryAfterHeader };
}

/**
 * Calls the given transport, else `globalThis.fetch` looked up now, so a
 * polyfill or test double installed after the provider mounted is used.
 */
export function callFetch(fetchImpl: FetchLike | undefined, url: string, init: SignalRequestInit): ReturnType<FetchLike> {
  const send = fetchImpl ?? (globalThis.fetch as unknown as FetchLike | undefined);
  if (typeof send !== "function") {
    throw new TypeError("No fetch available: pass the `fetch` prop to KeletProvider or install a fetch polyfill");
  }
  return send(url, init);
}
