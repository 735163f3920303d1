import { FeedbackSubmitError } from "../errors";
import type { AttemptResult } from "./attempt";
import { MAX_ATTEMPTS, RETRY_WINDOW_MS } from "./constants";
import { isRetryableStatus, parseRetryAfterMs, retryDelayMs } from "./retry-policy";

/** What a signal has spent of its retry budget. */
export interface RetryBudget {
  /** Failed answers (408, 429, 5xx) and time-outs so far. */
  attempts: number;
  /** Connection-level failures while the connection still counted as up. */
  networkFailures: number;
  /** When the retry window started: the first attempt, or the return from offline. */
  windowStartMs: number | undefined;
}

/** What happens to a signal after one attempt. */
export type Decision =
  | { kind: "delivered" }
  | { kind: "final"; error: FeedbackSubmitError }
  | { kind: "retry"; waitMs: number; why: string }
  /** The connection is down: wait for the page's probe, spending nothing. */
  | { kind: "wait-for-connection" };

/**
 * Retry or final: 2xx delivers; 408, 429, 5xx and time-outs are retried with
 * backoff (or `Retry-After`) until MAX_ATTEMPTS or the retry window ends;
 * any other answer is final; connection failures cost nothing while the
 * connection counts as down. Updates `budget`'s counters.
 */
export function decideAfterAttempt(budget: RetryBudget, result: AttemptResult, connectionDown: boolean, nowMs: number): Decision {
  if (result.kind === "network") {
    if (connectionDown) {
      // Offline is not failure: nothing is spent, and the window starts afresh at the next attempt.
      budget.networkFailures = 0;
      budget.windowStartMs = undefined;
      return { kind: "wait-for-connection" };
    }
    budget.networkFailures += 1;
    const reason = result.error instanceof Error && result.error.message ? result.error.message : "network error";
    if (budget.networkFailures >= MAX_ATTEMPTS) return { kind: "final", error: new FeedbackSubmitError(`network error (${reason})`) };
    return { kind: "retry", waitMs: retryDelayMs(budget.networkFailures), why: `network error (${reason})` };
  }
  let error: FeedbackSubmitError;
  let retryAfterMs: number | undefined;
  let why: string;
  if (result.kind === "timeout") {
    error = new FeedbackSubmitError("request timed out");
    why = "timed out";
  } else if (result.outcome.delivered) {
    return { kind: "delivered" };
  } else if (isRetryableStatus(result.outcome.status)) {
    error = result.outcome.error;
    retryAfterMs = parseRetryAfterMs(result.outcome.retryAfterHeader, nowMs);
    why = `HTTP ${result.outcome.status}`;
  } else {
    return { kind: "final", error: result.outcome.error };
  }
  budget.attempts += 1;
  const waitMs = retryAfterMs ?? retryDelayMs(budget.attempts);
  if (budget.attempts >= MAX_ATTEMPTS || nowMs + waitMs - (budget.windowStartMs ?? nowMs) > RETRY_WINDOW_MS) return { kind: "final", error };
  return { kind: "retry", waitMs, why };
}
