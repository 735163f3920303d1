import type { DeliveryTuning } from "./delivery/constants";
import type { EntryOwner } from "./delivery/queue-entries";
import { deliveryQueueFor } from "./delivery/registry";
import type { SignalErrorHandler } from "./report-failure";
import { callFetch, type FetchLike, type SignalTarget } from "./signal-request";
import type { ValidSignal } from "./signal";

/** Delivers validated signals for one provider through the page's queue for its destination. */
export interface SignalSender {
  /**
   * Resolves once the API accepted the signal (2xx), or another tab provably
   * took it over; rejects with its final error otherwise. Works without
   * `start()`.
   */
  send(signal: ValidSignal): Promise<void>;
  /**
   * Retains the page's queue for this destination (and drains what an
   * earlier page saved) and returns the release function. After the last
   * release the queue keeps delivering until every signal has settled, then
   * removes its listeners and timers. May be started and released again
   * (React StrictMode does).
   */
  start(): () => void;
}

export interface SignalSenderConfig extends SignalTarget {
  fetch?: FetchLike;
  /** Hears the final failure of signals no caller awaits (saved by an earlier page). Awaited signals fail through their promise. */
  reportFailure?: SignalErrorHandler;
  /** Logs each signal's fate (retries, offline waits, saves). */
  debug?: boolean;
  /**
   * Save signals that cannot leave (page hidden while offline, endpoint
   * blocked) in `localStorage` for the next visit. Default true. False:
   * nothing is written to storage, and a signal that cannot leave when the
   * page is hidden rejects at once (reaching `onError`).
   */
  persist?: boolean;
  /** @internal Shorter time-outs, caps and waits, for tests. Production uses the constants. */
  tuning?: DeliveryTuning;
}

/**
 * The queue-backed sender: retries with backoff, waits out offline periods,
 * flushes with keepalive on page hide and saves what cannot leave for the next
 * load (see RELIABILITY.md). Senders with the same destination share one
 * page-wide queue. A final failure rejects with
 * `Failed to submit feedback: {statusText}`.
 */
export function createSignalSender(config: SignalSenderConfig): SignalSender {
  const owner: EntryOwner = {
    transport: (url, init) => callFetch(config.fetch, url, init),
    reportFailure: config.reportFailure,
    debug: !!config.debug,
    persist: config.persist !== false,
  };
  // Looked up on each call: a queue that went idle has left the registry, and the next call makes a fresh one.
  const queue = () => deliveryQueueFor(config);
  return { send: (signal) => queue().send(signal, owner), start: () => queue().retain(owner) };
}
