import { useContext, useEffect, useRef, useState } from "react";
import { subscribePageHide } from "../core/page-lifecycle";
import { reportSignalFailure } from "../core/report-failure";
import type { FeedbackData } from "../core/signal";
import { KeletContext } from "../provider/KeletContext";
import { useKeletSignal } from "../provider/useKeletSignal";
import { asError, createEditTracker, type EditTracker, type TrackerInputs } from "./edit-tracker";
import type { FeedbackStateOptions, SessionIdSource } from "./types";

/** Computes the next state from the latest one (ahead of React's render) and records it under `trigger`. */
export type EditUpdate<T> = (compute: (current: T) => T, trigger: string | undefined) => void;

/**
 * The edit tracking both hooks share: React state plus an {@link EditTracker}
 * that sees every change first. Options, `session_id` and the handler are
 * read from refs at the moment they are needed, so inline objects and
 * functions never restart anything; one tracker and one timer live as long
 * as the component, and a pending sequence is emitted on unmount and when
 * the page is hidden.
 */
export function useEditTracking<T>(
  initial: () => T,
  session_id: SessionIdSource<T>,
  options: FeedbackStateOptions<T> | undefined,
): [T, EditUpdate<T>] {
  const context = useContext(KeletContext);
  const providerFeedback = useKeletSignal();
  const latest = useRef({ session_id, options, context, providerFeedback });
  latest.current = { session_id, options, context, providerFeedback };

  const [state, setState] = useState(initial);
  const tracker = useRef<{ instance: EditTracker<T>; update: EditUpdate<T> } | null>(null);
  if (tracker.current === null) {
    const report = (error: Error, signal: FeedbackData) => {
      const failureHandler = latest.current.context?.reportFailure;
      if (failureHandler) failureHandler(error, signal);
      else reportSignalFailure(undefined, error, signal);
    };
    const send = (signal: FeedbackData) => {
      const { options: current, providerFeedback: feedback } = latest.current;
      const own = current?.onFeedback;
      if (!own) {
        // The provider reports its own failures; only keep the rejection from going unhandled.
        feedback(signal).catch(() => {});
        return;
      }
      try {
        Promise.resolve(own(signal)).catch((error: unknown) => report(asError(error), signal));
      } catch (error) {
        report(asError(error), signal);
      }
    };
    const instance = createEditTracker<T>(state, (): TrackerInputs<T> => latest.current, send, report);
    const update: EditUpdate<T> = (compute, trigger) => {
      instance.change(compute(instance.current), trigger);
      const next = instance.current;
      setState(() => next);
    };
    tracker.current = { instance, update };
  }

  useEffect(() => {
    const instance = tracker.current!.instance;
    const unsubscribe = subscribePageHide("emit-edits", () => instance.flush());
    return () => {
      unsubscribe();
      instance.flush();
    };
  }, []);

  return [state, tracker.current.update];
}
