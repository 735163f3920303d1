import type { DiffType } from "../core/diff";
import type { FeedbackData } from "../core/signal";

export type { DiffType };

/**
 * A handler that receives each signal and returns a promise, as in 1.3 (apps call
 * `handler(data).then(...)` on it). `onFeedback` options and props also take a
 * handler that returns nothing.
 */
export type FeedbackHandler = (data: FeedbackData) => Promise<void>;

/** Options of `useFeedbackState` and `useFeedbackReducer`. Read on every change: inline objects are fine. */
export interface FeedbackStateOptions<T> {
  /** Quiet time in ms that ends a sequence of changes with the same trigger. Default 3000. */
  debounceMs?: number;
  /** How the edit's `value` is written: `"git"` (default) `-`/`+` lines, `"object"` deep-diff records, `"json"` `{before, after}`. */
  diffType?: DiffType;
  /** True when two states are equal (a change to an equal state is no change). Default: structural equality. */
  compareWith?: (a: T, b: T) => boolean;
  // `any`, as in 1.3: an app's interface-typed object must fit.
  /** Sent with every edit signal. */
  metadata?: Record<string, any>;
  /** Receives the signals instead of the nearest `KeletProvider`; may return a promise. */
  onFeedback?: (data: FeedbackData) => void | Promise<void>;
  /** The signal's score: a number, or computed from the edit. Default: 1 when `diffPercentage <= 0.5`, else 0. */
  score?: number | ((before: T, after: T, diffPercentage: number) => number);
  /** The trigger of a change that names none. Default `"auto_state_change"`. */
  default_trigger_name?: string;
  /** The first change from an initial `null`/`undefined` to a value is not reported and becomes the baseline. Default true. */
  ignoreInitialNullish?: boolean;
}

/** `setState(valueOrUpdater, trigger_name?)`: like React's setter, plus what caused the change. */
export type FeedbackStateSetter<T> = (value: T | ((previous: T) => T), trigger_name?: string) => void;

/** What `useFeedbackState` returns: `[state, setState]`. */
export type FeedbackStateReturn<T> = [T, FeedbackStateSetter<T>];

/** `dispatch(action, trigger_name?)`: the trigger defaults to the action's `type`. */
export type FeedbackDispatch<A> = (action: A, trigger_name?: string) => void;

/** What `useFeedbackReducer` returns: `[state, dispatch]`. */
export type FeedbackReducerReturn<S, A> = [S, FeedbackDispatch<A>];

/** The session a signal belongs to: a string, or computed from the state being reported. */
export type SessionIdSource<T> = string | ((state: T) => string);
