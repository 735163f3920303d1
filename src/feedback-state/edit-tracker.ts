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

interface Sequence<T> {
  trigger: string;
  /** The state when the sequence began. */
  baseline: T;
}

/**
 * Turns state changes into edit signals, without React: changes with the
 * same trigger form a sequence that ends after `debounceMs` of quiet, when a
 * change with another trigger arrives, or on `flush()` (unmount, page hide).
 * Each sequence is diffed once, when it ends, against the state it began
 * from. Per change it does an equality check and restarts one timer.
 */
export class EditTracker<T> {
  /** The latest state, ahead of React's render. */
  current: T;
  private sequence: Sequence<T> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private awaitingFirstValue: boolean;

  constructor(
    initial: T,
    private readonly read: () => TrackerInputs<T>,
    private readonly send: (signal: FeedbackData) => void,
    private readonly report: (error: Error, signal: FeedbackData) => void,
  ) {
    this.current = initial;
    this.awaitingFirstValue = read().options?.ignoreInitialNullish !== false && initial == null;
  }

  private equal(a: T, b: T, knownDistinct = false): boolean {
    if (!knownDistinct && Object.is(a, b)) return true;
    const compareWith = this.read().options?.compareWith;
    if (compareWith) return compareWith(a, b);
    // Two primitives that are not Object.is-equal differ: no second pass over a long string.
    if (typeof a !== "object" || typeof b !== "object") return false;
    return structuralEqual(a, b);
  }

  /** Records `next` as the new state, caused by `trigger` (else the default trigger). */
  change(next: T, trigger: string | undefined): void {
    const previous = this.current;
    if (Object.is(previous, next)) return;
    const { options } = this.read();
    const triggerName = trigger ?? options?.default_trigger_name ?? DEFAULT_TRIGGER_NAME;
    // Another trigger ends the running sequence before the new change applies.
    if (this.sequence && this.sequence.trigger !== triggerName) this.flush();
    const changed = !this.equal(previous, next, true);
    this.current = next;
    if (!changed) return;
    if (this.awaitingFirstValue) {
      if (next == null) return;
      // The first value after an initial null/undefined is the baseline, not an edit.
      this.awaitingFirstValue = false;
      return;
    }
    if (!this.sequence) this.sequence = { trigger: triggerName, baseline: previous };
    this.restartTimer(options?.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  private restartTimer(debounceMs: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, debounceMs);
  }

  /** Ends the running sequence now, emitting its signal unless it ended where it began. */
  flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const sequence = this.sequence;
    if (!sequence) return;
    this.sequence = null;
    const before = sequence.baseline;
    const after = this.current;
    let signal: FeedbackData = { session_id: "", kind: "edit", source: "human", trigger_name: sequence.trigger };
    try {
      if (this.equal(before, after)) return;
      const { session_id, options } = this.read();
      const { value, percentage } = describeEdit(before, after, options?.diffType ?? "git");
      const score = options?.score;
      signal = {
        session_id: typeof session_id === "function" ? session_id(after) : session_id,
        kind: "edit",
        source: "human",
        trigger_name: sequence.trigger,
        score: typeof score === "function" ? score(before, after, percentage) : (score ?? (percentage <= 0.5 ? 1 : 0)),
        value,
        confidence: percentage,
      };
      if (options?.metadata !== undefined) signal.metadata = options.metadata;
    } catch (error) {
      this.report(error instanceof Error ? error : new Error(String(error)), signal);
      return;
    }
    this.send(signal);
  }

  /** Stops the timer without emitting. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
