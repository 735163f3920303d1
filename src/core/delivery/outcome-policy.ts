import { FeedbackSubmitError } from "../errors";
import type { AttemptOutcome } from "../signal-request";
import { BASE_RETRY_DELAY_MS, MAX_ATTEMPTS, MAX_RETRY_AFTER_MS, MAX_RETRY_DELAY_MS, monoMs, nowMs, RETRY_WINDOW_MS } from "./constants";

/**
 * What one HTTP attempt came to: an answer, no answer in time, a connection-level failure (what was thrown, in
 * words), or no request at all (the transport threw at once, or there is none: a configuration error).
 */
export type AttemptResult = AttemptOutcome | "timeout" | `network error (${string})` | `request not made (${string})`;

/** The request could not even be made: the app's configuration is at fault, never the connection. */
export const requestNotMade = (result: AttemptResult): result is `request not made (${string})` => typeof result == "string" && result.startsWith("request not made");

/** The error of a signal whose request could not be made, naming why. */
export const cannotMakeRequest = (why: string): FeedbackSubmitError => new FeedbackSubmitError(`the request could not be made: ${why}`);

/** What a signal has spent of its retry budget. */
export interface RetryBudget {
  /** Failed answers (408, 429, 5xx) and time-outs so far. */
  attempts: number;
  /** Connection-level failures while the connection still counted as up. */
  networkFailures: number;
  /** When the retry window started: the first attempt, or the return from offline. */
  windowStartMs?: number;
}

/**
 * What happens to a signal after one attempt: its end (`undefined` when
 * delivered, else its final error); a retry after `waitMs` (`why` goes to the
 * debug log); or "wait" for the page's probe while the connection is down,
 * spending nothing.
 */
export type Decision = undefined | FeedbackSubmitError | "wait" | { waitMs: number; why: string };

/** Answers that may succeed if asked again later; every other non-2xx is final. */
const RETRYABLE_STATUSES = [408, 429, 500, 502, 503, 504];

/**
 * Wait before retry number `retry` (1 for the first retry): exponential,
 * capped, with "equal jitter" (between half and all of the step) so many
 * clients failing together do not come back together.
 */
function retryDelayMs(retry: number): number {
  const halfStepMs = Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** (retry - 1)) / 2;
  return halfStepMs + Math.random() * halfStepMs;
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now`, capped; `undefined` when absent or unreadable. */
export function parseRetryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header?.trim()) return;
  // A number of seconds (Number reads surrounding blanks too), else an HTTP date.
  const seconds = Number(header);
  const waitMs = Number.isNaN(seconds) ? Date.parse(header) - now : seconds * 1000;
  if (!Number.isNaN(waitMs)) return Math.min(Math.max(waitMs, 0), MAX_RETRY_AFTER_MS);
}

/**
 * Retry or final: 2xx delivers; 408, 429, 5xx and time-outs are retried with
 * backoff (or `Retry-After`) until MAX_ATTEMPTS or the retry window ends;
 * any other answer is final; connection failures cost nothing while the
 * connection counts as down. Updates `budget`'s counters.
 */
export function decideAfterAttempt(budget: RetryBudget, result: AttemptResult, connectionDown: boolean): Decision {
  // Waits on the monotonic clock; an HTTP-date Retry-After is read against the wall clock.
  const now = monoMs();
  let error: FeedbackSubmitError | undefined;
  let why = "timed out";
  let retryAfterMs: number | undefined;
  if (typeof result == "object") {
    if (result.delivered) return;
    error = result.error;
    if (!RETRYABLE_STATUSES.includes(error.status!)) return error;
    why = `HTTP ${error.status}`;
    retryAfterMs = parseRetryAfterMs(result.retryAfterHeader, nowMs());
  } else if (requestNotMade(result)) {
    return cannotMakeRequest(result.slice("request not made (".length, -1));
  } else if (result != "timeout") {
    if (connectionDown) {
      // Offline is not failure: nothing is spent, and the window starts afresh at the next attempt.
      budget.networkFailures = 0;
      budget.windowStartMs = undefined;
      return "wait";
    }
    if (++budget.networkFailures >= MAX_ATTEMPTS) return new FeedbackSubmitError(result);
    return { waitMs: retryDelayMs(budget.networkFailures), why: result };
  }
  budget.attempts++;
  const waitMs = retryAfterMs ?? retryDelayMs(budget.attempts);
  if (budget.attempts >= MAX_ATTEMPTS || now + waitMs - (budget.windowStartMs ?? now) > RETRY_WINDOW_MS) return error ?? new FeedbackSubmitError("request timed out");
  return { waitMs, why };
}
