import { checkSessionId } from "./diagnostics";
import { recentDomEvent } from "./dom-event-capture";
import type { SignalErrorHandler } from "./report-failure";
import type { FeedbackData, ValidSignal } from "./signal";
import type { SignalSender } from "./signal-sender";
import { validateSignal } from "./validate-signal";

/** Sends one signal; resolves when it is delivered, rejects with the reason it was not. */
export type FeedbackFunction = (data: FeedbackData) => Promise<void>;

export interface FeedbackFunctionOptions {
  /** `null` when the configuration can never deliver (telemetry is off). */
  sender: SignalSender | null;
  /** Why telemetry is off, reported with each signal it drops. */
  offReason?: Error;
  /** Sending turned off on purpose: every call resolves at once. */
  disabled: boolean;
  debug: boolean;
  reportFailure: SignalErrorHandler;
}

function withDomEvent(data: FeedbackData): FeedbackData {
  if (data === null || typeof data !== "object") return data;
  const metadata = data.metadata;
  if (metadata !== undefined && (metadata === null || typeof metadata !== "object" || "$dom_event" in metadata)) return data;
  const domEvent = recentDomEvent();
  return domEvent ? { ...data, metadata: { ...metadata, $dom_event: domEvent } } : data;
}

/**
 * Builds the provider's `feedback(data)`: validate (rejecting with an error
 * naming the field, before any request), fill in defaults and the last user
 * event, then hand the signal to the sender.
 */
export function createFeedbackFunction(options: FeedbackFunctionOptions): FeedbackFunction {
  const { sender, offReason, disabled, debug, reportFailure } = options;
  const log = (...args: unknown[]) => {
    if (debug) console.debug("[kelet]", ...args);
  };
  return (data) => {
    if (disabled) {
      log("disabled, not sent:", data);
      return Promise.resolve();
    }
    if (data !== null && typeof data === "object") checkSessionId(data.session_id, "A feedback signal");
    let signal: ValidSignal;
    try {
      signal = validateSignal(withDomEvent(data));
    } catch (error) {
      reportFailure(error as Error, data);
      log("invalid, not sent:", (error as Error).message, data);
      return Promise.reject(error);
    }
    if (!sender) {
      if (offReason) reportFailure(offReason, signal);
      log("telemetry is off, not sent:", signal);
      return Promise.resolve();
    }
    log("sending", signal);
    return sender.send(signal).then(
      () => log("delivered", signal),
      (error: Error) => {
        log("failed:", error.message, signal);
        reportFailure(error, signal);
        throw error;
      },
    );
  };
}
