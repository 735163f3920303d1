import { useLayoutEffect } from "@radix-ui/react-use-layout-effect";
import { useEffect, useRef, useState } from "react";
import { createAnswerWatch, type AnswerWatch } from "../core/answer/answer-watch";
import type { FeedbackFunction } from "../core/feedback-function";
import { useSignalFrom } from "../provider/use-kelet-signal";

/** Options of {@link useAnswerSignals}. */
export interface AnswerSignalsOptions {
  /** The session this answer belongs to: the id your server passed to `agentic_session(session_id=...)`. A new one is a new answer. */
  session_id: string;
  /** The answer's trace, when you have it: sent with every signal. */
  trace_id?: string | undefined;
  /** True while the answer is still arriving: leaving then (page left, unmount, new session) is `user-abandon`. */
  streaming?: boolean | undefined;
  /** Free JSON sent with every signal of this answer. */
  metadata?: Record<string, unknown> | undefined;
}

/** What {@link useAnswerSignals} returns. */
export interface AnswerSignals {
  /** Put it on the element that shows the answer: copies of its text are heard there. */
  ref: (element: Element | null) => void;
  /**
   * Your copy button copied the answer (`navigator.clipboard.writeText` is invisible to the
   * page). Pass the copied text to have its length sent (only the length leaves). Once per answer.
   */
  reportCopy: (copiedText?: string) => void;
  /** Your "try again" button was pressed for this answer. Once per answer. */
  reportRetry: () => void;
}

/** One answer as the hook watches it: its session, and the props it was last shown with. */
interface WatchedAnswer {
  session_id: string;
  shown: AnswerSignalsOptions & { signal: FeedbackFunction };
  watch: AnswerWatch;
}

/**
 * Hears what a user does with one AI answer and tells Kelet through the
 * nearest `KeletProvider`, with Kelet's `source-action` names
 * (`kind: "event"`, `source: "human"`):
 *
 * - `user-copy` (score 1): the user copies text of the answer (shortcut,
 *   context menu) or your copy button calls `reportCopy()`; with
 *   `metadata.copied_chars` and `metadata.answer_chars`. Once per answer.
 * - `user-retry` (score 0): `reportRetry()` from your "try again" button. Once.
 * - `user-abandon` (score 0): the user leaves while `streaming` is true:
 *   the page is left, the component unmounts, or `session_id` changes. Once.
 *   Leaving a finished answer sends nothing.
 *
 * Text typed in a field inside the answer is never read.
 *
 * ```tsx
 * const { ref, reportCopy, reportRetry } = useAnswerSignals({ session_id, streaming: status === "streaming" });
 * <article ref={ref}>{text}<button onClick={() => { navigator.clipboard.writeText(text); reportCopy(text); }}>Copy</button></article>
 * ```
 */
export function useAnswerSignals(options: AnswerSignalsOptions): AnswerSignals {
  const signal = useSignalFrom("useAnswerSignals");
  const { session_id, trace_id, streaming, metadata } = options ?? ({} as AnswerSignalsOptions);
  const element = useRef<Element | null>(null);
  const watched = useRef<WatchedAnswer | null>(null);
  // A cleanup that may be StrictMode's rehearsal: the watch stops only if no setup follows in the same task.
  const leaving = useRef(false);

  // Every commit, in the commit itself: a new session ends the previous answer with the props it was shown
  // with, before they are replaced; then the watched answer takes this commit's props (a trace id or metadata
  // arriving later is the same answer, so it only updates what is sent).
  useLayoutEffect(() => {
    const previous = watched.current;
    if (previous && previous.session_id !== session_id) {
      previous.watch.stop();
      watched.current = null;
    }
    const shown = { session_id, trace_id, streaming, metadata, signal };
    if (watched.current) {
      watched.current.shown = shown;
    } else {
      const answer: WatchedAnswer = {
        session_id,
        shown,
        watch: createAnswerWatch({ send: (data) => answer.shown.signal(data), element: () => element.current, read: () => answer.shown }),
      };
      watched.current = answer;
    }
  });

  // Passive, not layout: a Suspense fallback hiding the answer runs layout cleanups but keeps it mounted.
  useEffect(() => {
    leaving.current = false;
    return () => {
      leaving.current = true;
      queueMicrotask(() => {
        if (!leaving.current) return;
        watched.current?.watch.stop();
        watched.current = null;
      });
    };
  }, []);

  const [api] = useState<AnswerSignals>(() => ({
    ref: (node) => {
      element.current = node;
    },
    reportCopy: (copiedText) => watched.current?.watch.reportCopy(copiedText),
    reportRetry: () => watched.current?.watch.reportRetry(),
  }));
  return api;
}
