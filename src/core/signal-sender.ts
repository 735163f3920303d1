import { createDeliveryQueue } from "./delivery/delivery-queue";
import type { SignalErrorHandler } from "./report-failure";
import { callFetch, type FetchLike, type SignalTarget } from "./signal-request";
import type { ValidSignal } from "./signal";

/** Delivers validated signals for one provider; the seam where delivery policy lives. */
export interface SignalSender {
  /** Resolves once the signal is accepted; rejects with its final error. */
  send(signal: ValidSignal): Promise<void>;
  /**
   * Starts background work (listeners, timers) and returns the function that
   * stops it. Sending works without it; it may be started and stopped again
   * (React StrictMode does).
   */
  start(): () => void;
}

export interface SignalSenderConfig extends SignalTarget {
  fetch?: FetchLike;
  /** Hears the final failure of signals no caller awaits (saved by an earlier page). */
  reportFailure?: SignalErrorHandler;
  /** Logs each signal's fate (retries, offline waits, saves). */
  debug?: boolean;
  /** May unsent signals be saved to storage for the next visit (default true). */
  persist?: boolean;
}

/**
 * The queue-backed sender: retries with backoff, waits out offline periods,
 * flushes with keepalive on page hide and saves what cannot leave for the next
 * load (see RELIABILITY.md). A final failure rejects with
 * `Failed to submit feedback: {statusText}`.
 */
export function createSignalSender(config: SignalSenderConfig): SignalSender {
  const queue = createDeliveryQueue({
    apiKey: config.apiKey,
    project: config.project,
    baseUrl: config.baseUrl,
    transport: (url, init) => callFetch(config.fetch, url, init),
    reportFailure: config.reportFailure,
    debug: config.debug,
  });
  return { send: (signal) => queue.send(signal), start: () => queue.start() };
}
