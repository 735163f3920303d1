import { describeEdit, structuralEqual } from "../core/diff";
import type { FeedbackData } from "../core/signal";
import type { FeedbackStateOptions, SessionIdSource } from "./types";

export const DEFAULT_DEBOUNCE_MS = 3000;
export const DEFAULT_TRIGGER_NAME = "auto_state_change";

/** What the tracker reads on every change and emission (the hook's latest render). */
export interface TrackerInputs<T> {
  session_id: SessionIdSource<T>;
  options: FeedbackStateOptions<T> | undefined;
}

export interface EditTracker<T> {
  /** The latest state, ahead of React's render. */
  readonly current: T;
  /** Records `next` as the new state, caused by `trigger` (else the default trigger). */
  change(next: T, trigger: string | undefined): void;
  /** Ends the running sequence now, emitting its signal unless it ended where it began. */
  flush(): void;
  /** Stops the timer without emitting. */
  dispose(): void;
}

export const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Turns state changes into edit signals, without React: changes with the
 * same trigger form a sequence that ends after `debounceMs` of quiet, when a
 * change with another trigger arrives, or on `flush()` (unmount, page hide).
 * Each sequence is diffed once, when it ends, against the state it began
 * from. Per change it does one identity check and restarts one timer.
 */
export function createEditTracker<T>(
  initial: T,
  read: () => TrackerInputs<T>,
  send: (signal: FeedbackData) => void,
  report: (error: Error, signal: FeedbackData) => void,
): EditTracker<T> {
  let current = initial;
  /** The running sequence: its trigger and the state it began from. */
  let sequence: { trigger: string; baseline: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let awaitingFirstValue = read().options?.ignoreInitialNullish !== false && initial == null;

  /** Equality of two states already known not to be `Object.is`-equal. */
  const equal = (a: T, b: T): boolean => {
    const compareWith = read().options?.compareWith;
    if (compareWith) return compareWith(a, b);
    // Two primitives that are not identical differ: no second pass over a long string.
    return typeof a === "object" && typeof b === "object" && structuralEqual(a, b);
  };

  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };

  const flush = () => {
    stopTimer();
    const ended = sequence;
    if (!ended) return;
    sequence = null;
    const { baseline: before, trigger: trigger_name } = ended;
    const after = current;
    let signal: FeedbackData = { session_id: "", kind: "edit", source: "human", trigger_name };
    try {
      if (Object.is(before, after) || equal(before, after)) return;
      const { session_id, options = {} } = read();
      const { value, percentage } = describeEdit(before, after, options.diffType);
      const { score, metadata } = options;
      signal = {
        session_id: typeof session_id === "function" ? session_id(after) : session_id,
        kind: "edit",
        source: "human",
        trigger_name,
        score: typeof score === "function" ? score(before, after, percentage) : (score ?? (percentage <= 0.5 ? 1 : 0)),
        value,
        confidence: percentage,
      };
      if (metadata !== undefined) signal.metadata = metadata;
    } catch (error) {
      report(asError(error), signal);
      return;
    }
    send(signal);
  };

  return {
    get current() {
      return current;
    },
    change(next, trigger) {
      const previous = current;
      if (Object.is(previous, next)) return;
      if (equal(previous, next)) {
        // No change: nothing to report, and a running sequence goes on whatever the trigger.
        current = next;
        return;
      }
      const { options = {} } = read();
      const triggerName = trigger ?? options.default_trigger_name ?? DEFAULT_TRIGGER_NAME;
      // Another trigger ends the running sequence before the new change applies.
      if (sequence && sequence.trigger !== triggerName) flush();
      current = next;
      if (awaitingFirstValue) {
        // The first value after an initial null/undefined is the baseline, not an edit.
        if (next != null) awaitingFirstValue = false;
        return;
      }
      sequence ??= { trigger: triggerName, baseline: previous };
      clearTimeout(timer);
      timer = setTimeout(flush, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    },
    flush,
    dispose: stopTimer,
  };
}
