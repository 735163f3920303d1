import { useCallback } from "react";
import type { FeedbackDispatch, FeedbackReducerReturn, FeedbackStateOptions, SessionIdSource } from "./types";
import { useSessionIdCheck, useSignalDestinationCheck } from "../provider/diagnostics-hooks";
import { useCommittedRef } from "../provider/use-committed-ref";
import { useEditTracking } from "./use-edit-tracking";

function actionType(action: unknown): string | undefined {
  if (typeof action !== "object" || action === null) return undefined;
  const type = (action as { type?: unknown }).type;
  return typeof type === "string" ? type : undefined;
}

/**
 * A drop-in `useReducer` that reports what the user changed, like
 * `useFeedbackState`. The trigger of a dispatch is the explicit
 * `trigger_name`, else the action's `type`, else `default_trigger_name`.
 *
 * @example
 * const [items, dispatch] = useFeedbackReducer(listReducer, aiItems, sessionId);
 * dispatch({ type: "remove", index: 2 }); // trigger_name "remove"
 */
export function useFeedbackReducer<S, A>(
  reducer: (state: S, action: A) => S,
  initialState: S,
  session_id: string | ((state: S) => string),
  options?: FeedbackStateOptions<S>,
  initializer?: (initialState: S) => S,
): FeedbackReducerReturn<S, A>;
/** Like React's `useReducer(reducer, initialArg, init)`: the state is `initializer(initialArg)`. */
export function useFeedbackReducer<S, A, I>(
  reducer: (state: S, action: A) => S,
  initialArg: I,
  session_id: string | ((state: S) => string),
  options: FeedbackStateOptions<S> | undefined,
  initializer: (initialArg: I) => S,
): FeedbackReducerReturn<S, A>;
export function useFeedbackReducer<S, A, I>(
  reducer: (state: S, action: A) => S,
  initialArg: I | S,
  session_id: string | ((state: S) => string),
  options?: FeedbackStateOptions<S>,
  initializer?: (initialArg: I) => S,
): FeedbackReducerReturn<S, A> {
  // The reducer of the last commit: a render React throws away never changes how actions apply.
  const latestReducer = useCommittedRef(reducer);
  // Development only: edits that go nowhere, placeholder or per-render session ids.
  useSignalDestinationCheck(options?.onFeedback !== undefined, "useFeedbackReducer");
  useSessionIdCheck(session_id, "useFeedbackReducer");
  const [state, update] = useEditTracking<S>(
    "useFeedbackReducer",
    () => (initializer ? initializer(initialArg as I) : (initialArg as S)),
    session_id as SessionIdSource<S>,
    options,
  );
  const dispatch = useCallback<FeedbackDispatch<A>>(
    (action, trigger_name) => {
      // An explicit name wins; without a `type` the tracker falls back to default_trigger_name.
      const trigger = trigger_name ?? actionType(action);
      update((current) => latestReducer.current(current, action), trigger);
    },
    [update],
  );
  return [state, dispatch];
}

