import { debugLog } from "./console-once";
import { checkSignalSessionId } from "./diagnostics";
import { domEventOf } from "./dom-event-capture";
import type { SignalErrorHandler } from "./report-failure";
import type { FeedbackData, SignalData, ValidSignal } from "./signal";
import type { SignalSender } from "./signal-sender";
import { validateSignal } from "./validate-signal";

/** Sends one signal; resolves when it is delivered, rejects with the reason it was not. */
export type FeedbackFunction = (data: SignalData) => Promise<void>;

export interface FeedbackFunctionOptions {
  /** `null` when the configuration can never deliver (telemetry is off). */
  sender: Pick<SignalSender, "send"> | null;
  /** Why telemetry is off, reported with each signal it drops. */
  offReason?: Error;
  /** Sending turned off on purpose: every call resolves at once. */
  disabled: boolean;
  debug: boolean;
  /** Attach the user event the signal was made during as `metadata.$dom_event` (unless the app set its own). */
  captureEvents: boolean;
  reportFailure: SignalErrorHandler;
}

/**
 * Builds the client's `signal(data)` (the provider's `feedback`): validate
 * what the app gave (rejecting with an error naming the field, before any
 * request), then fill in defaults and the last user event, then hand the
 * signal to the sender.
 */
export function createFeedbackFunction({ sender, offReason, disabled, debug, captureEvents, reportFailure }: FeedbackFunctionOptions): FeedbackFunction {
  const log = (...args: unknown[]) => debugLog(debug, ...args);
  return async (data) => {
    if (disabled) return log("disabled, not sent:", data);
    checkSignalSessionId(data);
    // What a failure is reported with: the app's data until it is valid, then the signal as sent.
    // A signal identified by its trace reaches onError without session_id, as FeedbackData documents.
    let signal = data as FeedbackData;
    try {
      const valid = validateSignal(data);
      // Added after validation, so validity never depends on a click. Only the event the signal was made during.
      const domEvent = captureEvents && domEventOf(data);
      const { metadata } = valid;
      signal = domEvent && !(metadata && "$dom_event" in metadata) ? { ...valid, metadata: { ...metadata, $dom_event: domEvent } } : valid;
      if (!sender) {
        if (offReason) reportFailure(offReason, signal);
        return log("telemetry is off, not sent:", signal);
      }
      log("sending", signal);
      await sender.send(signal as ValidSignal);
    } catch (error) {
      log("not sent:", (error as Error).message, signal);
      reportFailure(error as Error, signal);
      throw error;
    }
    log("delivered", signal);
  };
}
