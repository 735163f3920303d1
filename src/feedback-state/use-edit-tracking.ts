import { useEffect, useLayoutEffect, useState } from "react";
import { subscribePageHide } from "../core/page-lifecycle";
import type { FeedbackData } from "../core/signal";
import type { SignalErrorHandler } from "../core/report-failure";
import { useSignalFailureHandler } from "../provider/use-signal-failure-handler";
import { useSignalFrom } from "../provider/use-kelet-signal";
import { toError } from "../core/errors";
import { createEditTracker, type TrackerInputs } from "./edit-tracker";
import type { FeedbackStateOptions, SessionIdSource } from "./types";
import { useCommittedRef } from "../provider/use-committed-ref";

// Layout effects run in the commit itself; on the server neither kind runs, and this one does not warn.
const useCommitEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

/** The props a signal is made of, and where it goes. */
interface Inputs<T> extends TrackerInputs<T> {
  /** The provider's failure handler (its `onError`), when there is a provider. */
  reportFailure: SignalErrorHandler;
  providerFeedback: (data: FeedbackData) => Promise<void>;
}

/** Computes the next state from the latest one (ahead of React's render) and records it under `trigger`. */
export type EditUpdate<T> = (compute: (current: T) => T, trigger: string | undefined) => void;

/**
 * The edit tracking both hooks share: React state plus an edit tracker ({@link createEditTracker})
 * that sees every change first. Options, `session_id` and the handler are
 * read from a ref of the last committed props at the moment they are
 * needed, so inline objects and functions never restart anything, and a
 * render React throws away never reaches a signal. One tracker and one
 * timer live as long as the component; a pending sequence is emitted on
 * unmount, when the page is hidden, and in the commit that changes the
 * session.
 */
export function useEditTracking<T>(
  /** The hook, as development messages name it. */
  place: string,
  initial: () => T,
  session_id: SessionIdSource<T>,
  options: FeedbackStateOptions<T> | undefined,
): [T, EditUpdate<T>] {
  const reportFailure = useSignalFailureHandler();
  const providerFeedback = useSignalFrom(place);
  const latest = useCommittedRef<Inputs<T>>({ session_id, options, reportFailure, providerFeedback });

  const [state, setState] = useState(initial);
  const [[tracker, update]] = useState(() => {
    const report = (error: unknown, signal: FeedbackData, inputs: Inputs<T>) => inputs.reportFailure(toError(error), signal);
    const send = (signal: FeedbackData, inputs: Inputs<T>) => {
      const own = inputs.options?.onFeedback;
      // A throw (reported at once) or a rejection of the app's own handler is reported. The provider
      // reports its own failures: there only keep the rejection from going unhandled.
      try {
        Promise.resolve((own ?? inputs.providerFeedback)(signal)).catch((error: unknown) => own && report(error, signal, inputs));
      } catch (error) {
        report(error, signal, inputs);
      }
    };
    const created = createEditTracker<T, Inputs<T>>(state, () => latest.current, send, report);
    const update: EditUpdate<T> = (compute, trigger) => {
      const next = created.change(compute, trigger);
      setState(() => next);
    };
    return [created, update] as const;
  });

  // Every commit: a new session ends the previous session's pending sequence here, before its own changes apply.
  useCommitEffect(() => tracker.commit(latest.current, state));

  useEffect(() => {
    const unsubscribe = subscribePageHide("emit-edits", tracker.flush);
    return () => {
      unsubscribe();
      tracker.flush();
    };
  }, []);

  return [state, update];
}
