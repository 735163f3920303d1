import { logOnce } from "./console-once";
import { isProduction } from "./environment";
import type { FeedbackData } from "./signal";

/** Told about every signal that was invalid or could not be delivered. */
export type SignalErrorHandler = (error: Error, signal: FeedbackData) => void;

/**
 * Hands a failed signal to the app's handler. Without one, development logs
 * every failure with its signal; production logs only the first, once.
 */
export function reportSignalFailure(error: Error, signal: FeedbackData, onError?: SignalErrorHandler): void {
  if (onError) {
    try {
      onError(error, signal);
    } catch (handlerError) {
      console.error("[kelet] onError threw:", handlerError);
    }
  } else if (isProduction()) {
    logOnce("error", "kelet:signal-failure", "[kelet] A signal was not delivered (later failures are not logged):", error.message);
  } else {
    console.error(`[kelet] ${error.message}`, signal);
  }
}
