import { attemptSignalRequest, buildSignalRequest, type FetchLike, type SignalTarget } from "./signal-request";
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
}

/** One attempt per signal; a final non-2xx rejects with `Failed to submit feedback: {statusText}`. */
export function createSignalSender(config: SignalSenderConfig): SignalSender {
  return {
    async send(signal) {
      const outcome = await attemptSignalRequest(buildSignalRequest(config, signal), config.fetch);
      if (!outcome.delivered) throw outcome.error;
    },
    start: () => () => {},
  };
}
