import { debugLog } from "./console-once";
import { checkSessionId, runDiagnostic } from "./diagnostics";
import { recentDomEvent } from "./dom-event-capture";
import type { SignalErrorHandler } from "./report-failure";
import type { FeedbackData, ValidSignal } from "./signal";
import type { SignalSender } from "./signal-sender";
import { validateSignal } from "./validate-signal";

/** Sends one signal; resolves when it is delivered, rejects with the reason it was not. */
export type FeedbackFunction = (data: FeedbackData) => Promise<void>;

export interface FeedbackFunctionOptions {
  /** `null` when the configuration can never deliver (telemetry is off). */
  sender: Pick<SignalSender, "send"> | null;
  /** Why telemetry is off, reported with each signal it drops. */
  offReason?: Error;
  /** Sending turned off on purpose: every call resolves at once. */
  disabled: boolean;
  debug: boolean;
  /** Attach the last user event as `metadata.$dom_event` (unless the app set its own). */
  captureEvents: boolean;
  reportFailure: SignalErrorHandler;
}

/** Adds the last user event to a signal that already passed validation, so validity never depends on it. */
function withDomEvent(signal: ValidSignal): ValidSignal {
  const { metadata } = signal;
  if (metadata !== undefined && "$dom_event" in metadata) return signal;
  const domEvent = recentDomEvent();
  return domEvent ? { ...signal, metadata: { ...metadata, $dom_event: domEvent } } : signal;
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
  return (data) => {
    if (disabled) {
      log("disabled, not sent:", data);
      return Promise.resolve();
    }
    // A signal identified by its trace alone needs no session id.
    if (data !== null && typeof data === "object" && !data.trace_id) runDiagnostic(() => checkSessionId(data.session_id, "A feedback signal"));
    let signal: ValidSignal;
    try {
      signal = validateSignal(data);
    } catch (error) {
      reportFailure(error as Error, data);
      log("invalid, not sent:", (error as Error).message, data);
      return Promise.reject(error);
    }
    if (captureEvents) signal = withDomEvent(signal);
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
