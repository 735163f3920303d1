import { debugLog } from "./console-once";
import { checkSignalSessionId } from "./diagnostics";
import { domEventOf } from "./dom-event-capture";
import { emitRejectedSignal } from "./delivery/signal-events";
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
  /** Where signals go, for the page's signal events (invalid signals are reported there too). */
  project?: string;
  baseUrl?: string;
}

/**
 * Builds the client's `signal(data)` (the provider's `feedback`): validate
 * what the app gave (rejecting with an error naming the field, before any
 * request), then fill in defaults and the last user event, then hand the
 * signal to the sender.
 */
export function createFeedbackFunction(options: FeedbackFunctionOptions): FeedbackFunction {
  const { sender, offReason, disabled, debug, captureEvents, reportFailure } = options;
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
      // Still the app's data: validation refused it, and no queue ever saw it.
      if (signal == data) emitRejectedSignal(options as { project: string; baseUrl: string }, signal, error as Error);
      reportFailure(error as Error, signal);
      throw error;
    }
    log("delivered", signal);
  };
}
