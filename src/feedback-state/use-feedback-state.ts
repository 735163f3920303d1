import { useCallback } from "react";
import type { FeedbackStateOptions, FeedbackStateReturn, FeedbackStateSetter, SessionIdSource } from "./types";
import { useSessionIdCheck, useSignalDestinationCheck } from "../provider/diagnostics-hooks";
import { useEditTracking } from "./use-edit-tracking";

/**
 * A drop-in `useState` that reports what the user changed: each sequence of
 * changes with the same trigger becomes one `kind: "edit"` signal, diffed
 * against the state the sequence began from.
 *
 * @param initialState the initial state, or a function that returns it
 * @param session_id the session the signals belong to, or a function of the state being reported.
 *   A sequence keeps the session it began in: when this names another session
 *   while one is pending, that sequence is sent at once, with its own session.
 * @param options debounce, diff format, score, handler: see {@link FeedbackStateOptions}
 * @example
 * const [draft, setDraft] = useFeedbackState<string | null>(null, sessionId);
 * setDraft(aiAnswer, "ai_generation"); // the first value after null is the baseline
 * setDraft(userText, "manual_refinement"); // one signal once the user pauses
 */
export function useFeedbackState<T>(
  initialState: T | (() => T),
  session_id: string | ((state: T) => string),
  options?: FeedbackStateOptions<T>,
): FeedbackStateReturn<T> {
  // Development only: edits that go nowhere, placeholder or per-render session ids.
  useSignalDestinationCheck(options?.onFeedback !== undefined, "useFeedbackState");
  useSessionIdCheck(session_id, "useFeedbackState");
  const [state, update] = useEditTracking<T>(
    "useFeedbackState",
    () => (typeof initialState === "function" ? (initialState as () => T)() : initialState),
    session_id as SessionIdSource<T>,
    options,
  );
  const setState = useCallback<FeedbackStateSetter<T>>(
    (value, trigger_name) => update(typeof value === "function" ? (value as (previous: T) => T) : () => value, trigger_name),
    [update],
  );
  return [state, setState];
}
