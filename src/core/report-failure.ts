import { logOnce } from "./console-once";
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
  } else {
    // Written out so a production bundle keeps only the one-off log; no bundler, no `process`: development.
    try {
      if (process.env.NODE_ENV !== "production") return console.error(`[kelet] ${error.message}`, signal);
    } catch {
      return console.error(`[kelet] ${error.message}`, signal);
    }
    logOnce("error", "kelet:signal-failure", "[kelet] A signal was not delivered (later failures are not logged):", error.message);
  }
}
