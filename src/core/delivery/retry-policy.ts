import { BASE_RETRY_DELAY_MS, MAX_RETRY_AFTER_MS, MAX_RETRY_DELAY_MS } from "./constants";

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Answers that may succeed if asked again later; every other non-2xx is final. */
export function isRetryableStatus(status: number | undefined): boolean {
  return status !== undefined && RETRYABLE_STATUSES.has(status);
}

/**
 * Wait before retry number `retry` (1 for the first retry): exponential,
 * capped, with "equal jitter" (between half and all of the step) so many
 * clients failing together do not come back together.
 */
export function retryDelayMs(retry: number, random: () => number = Math.random): number {
  const stepMs = Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** Math.max(0, retry - 1));
  return stepMs / 2 + random() * (stepMs / 2);
}

/** `Retry-After` as seconds or an HTTP date, in ms from now, capped; `undefined` when absent or unreadable. */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  let waitMs: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    waitMs = Number(text) * 1000;
  } else {
    const atMs = Date.parse(text);
    if (Number.isNaN(atMs)) return undefined;
    waitMs = atMs - nowMs;
  }
  return Math.min(Math.max(waitMs, 0), MAX_RETRY_AFTER_MS);
}
