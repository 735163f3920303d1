import { logOnce } from "../console-once";
import { subscribePageHide } from "../page-lifecycle";
import type { FeedbackData } from "../signal";
import { ABANDON_TRIGGER, answerSignal, COPY_TRIGGER, RETRY_TRIGGER, type AnswerIdentity, type AnswerTrigger } from "./answer-signal";
import { countAnswerChars } from "./answer-text";
import { listenForCopies } from "./copy-listener";

/** Options of `watchAnswer`: which answer it is, and whether it is still arriving. */
export interface AnswerWatchOptions extends AnswerIdentity {
  /**
   * True while the answer is still streaming in: leaving then is `user-abandon`.
   * A function is read at the moment it matters (the page hides, the watch stops).
   */
  streaming?: boolean | (() => boolean) | undefined;
}

/** What `watchAnswer` returns. */
export interface AnswerWatch {
  /**
   * The user copied the answer through your own button (`navigator.clipboard.writeText`
   * is invisible to the page). Pass the copied text to have its length sent; only the
   * length leaves. Sends `user-copy` once per answer.
   */
  reportCopy(copiedText?: string): void;
  /** The user asked for this answer again ("try again"). Sends `user-retry` once per answer. */
  reportRetry(): void;
  /**
   * The answer leaves the page (its view is closed, a new conversation starts):
   * while it is still streaming, that is the user abandoning it (`user-abandon`).
   * Stops listening. Idempotent.
   */
  stop(): void;
}

/** Where an answer watch sends, and what it reads when it needs it. */
export interface AnswerWatchSetup {
  send: (data: FeedbackData) => unknown;
  /** The element that shows the answer, read at the moment of a copy; `null` while there is none. */
  element: () => Element | null;
  /** The answer's options as they are now. */
  read: () => AnswerWatchOptions;
}

function isStreaming(options: AnswerWatchOptions): boolean {
  const { streaming } = options;
  try {
    return typeof streaming === "function" ? streaming() === true : streaming === true;
  } catch (error) {
    // The app's function failed: nothing is known to be on its way, so nothing is called abandoned.
    logOnce("error", "kelet:answer:streaming-threw", "[kelet] the answer's streaming() threw, so it was taken as false:", error);
    return false;
  }
}

/**
 * One answer's copy, retry and abandon signals, each sent at most once, and
 * the listeners that hear them (copies, the page being left). The piece both
 * `watchAnswer` and `useAnswerSignals` are made of.
 */
export function createAnswerWatch({ send, element, read }: AnswerWatchSetup): AnswerWatch {
  const sent = new Set<AnswerTrigger>();
  let stopped = false;

  const emit = (trigger: AnswerTrigger, measure?: () => Record<string, number>) => {
    if (sent.has(trigger)) return;
    sent.add(trigger);
    try {
      const options = read();
      // A rejection was already reported by the client (its onError); keep it from going unhandled.
      Promise.resolve(send(answerSignal(trigger, options, measure?.()))).catch(() => undefined);
    } catch (error) {
      logOnce("error", "kelet:answer:send-threw", "[kelet] an answer signal could not be sent:", error);
    }
  };

  const answerChars = (): Record<string, number> => {
    const shown = element();
    return shown ? { answer_chars: countAnswerChars(shown) } : {};
  };

  const leave = () => {
    // A retry explains why the answer went away: it was asked again, not abandoned.
    if (!sent.has(RETRY_TRIGGER) && isStreaming(read())) emit(ABANDON_TRIGGER);
  };

  const stopCopies = listenForCopies(element, (copied_chars) => emit(COPY_TRIGGER, () => ({ copied_chars, ...answerChars() })));
  // Only `pagehide` is leaving: a tab switched away (`hidden`) may come back to the answer.
  const stopPageHide = subscribePageHide("emit-edits", (reason) => reason === "pagehide" && leave());

  return {
    reportCopy(copiedText) {
      emit(COPY_TRIGGER, () => {
        const measured = answerChars();
        const copied_chars = typeof copiedText === "string" ? copiedText.length : measured.answer_chars;
        return copied_chars === undefined ? measured : { copied_chars, ...measured };
      });
    },
    reportRetry() {
      emit(RETRY_TRIGGER);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      stopCopies();
      stopPageHide();
      leave();
    },
  };
}
