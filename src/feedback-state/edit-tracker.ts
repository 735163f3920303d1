import { describeEdit, structuralEqual } from "../core/diff";
import { attributeDomEvent, currentDomEvent, type DomEventSnapshot } from "../core/dom-event-capture";
import type { FeedbackData } from "../core/signal";
import type { FeedbackStateOptions, SessionIdSource } from "./types";

export const DEFAULT_DEBOUNCE_MS = 3000;
export const DEFAULT_TRIGGER_NAME = "auto_state_change";

/** The hook's props the tracker reads on every change and emission, as React committed them. */
export interface TrackerInputs<T> {
  session_id: SessionIdSource<T>;
  options: FeedbackStateOptions<T> | undefined;
}

export interface EditTracker<T, I extends TrackerInputs<T> = TrackerInputs<T>> {
  /**
   * Applies `update` to the latest state (ahead of React's render), records
   * the result as a change caused by `trigger` (else the default trigger)
   * and returns it.
   */
  change(update: (current: T) => T, trigger: string | undefined): T;
  /** Ends the running sequence now, emitting its signal unless it ended where it began. */
  flush(): void;
  /**
   * React committed `state` with these props. When they name a new session
   * while a sequence of the previous one is pending, the sequence is
   * emitted at once, with its own session and the props shown with it, up
   * to the state the user saw under it; changes made since belong to the
   * new session.
   */
  commit(inputs: I, state: T): void;
}

interface Sequence<T> {
  trigger: string;
  baseline: T;
  /** The session_id prop when the sequence began: a later one never re-attributes it. */
  session: SessionIdSource<T>;
  /** The last user event during which a change of this sequence was made; none when every change came from elsewhere. */
  domEvent?: DomEventSnapshot | undefined;
}

const sessionOf = <T>(session: SessionIdSource<T>, state: T): string => (typeof session === "function" ? session(state) : session);


/**
 * Turns state changes into edit signals, without React: changes with the
 * same trigger form a sequence that ends after `debounceMs` of quiet, when a
 * change with another trigger arrives, or on `flush()` (unmount, page hide).
 * Each sequence is diffed once, when it ends, against the state it began
 * from, and carries the session it began in: a change into another
 * session (a `session_id` function names another for the new state) ends
 * it first. Per change it does one identity check (plus two calls of a
 * `session_id` function while a sequence runs) and restarts one timer.
 *
 * Two views of the props: `read()` is the latest commit's, for changes
 * (made in children's layout effects of a commit too); signals are built
 * with the props of the last commit whose layout effects finished (the
 * same, except inside the commit that changes them), so a sequence that a
 * new session ends goes out as it was shown.
 */
export function createEditTracker<T, I extends TrackerInputs<T> = TrackerInputs<T>>(
  initial: T,
  read: () => I,
  send: (signal: FeedbackData, inputs: I) => void,
  report: (error: unknown, signal: FeedbackData, inputs: I) => void,
): EditTracker<T, I> {
  let current = initial;
  /** The running sequence: its trigger, the state it began from and the session it began in. */
  let sequence: Sequence<T> | null = null;
  /** The state and props of the last commit: what the user has seen. */
  let committed = initial;
  let shown = read();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let awaitingFirstValue = shown.options?.ignoreInitialNullish !== false && initial == null;

  /** Equality of two states: identity first, so `compareWith` only sees states that are not identical. */
  const equal = (a: T, b: T, options = read().options): boolean => {
    const compareWith = options?.compareWith;
    // Two primitives that are not identical differ: no second pass over a long string.
    return Object.is(a, b) || (compareWith ? compareWith(a, b) : typeof a === "object" && typeof b === "object" && structuralEqual(a, b));
  };

  /**
   * Whether two session_id props name the same session, for the state last
   * shown. A function is compared by what it returns, not by identity: an
   * inline `(state) => ...` is new on every render without the session
   * changing. One that throws is left to fail, and be reported, when its
   * sequence is emitted.
   */
  const sameSession = (a: SessionIdSource<T>, b: SessionIdSource<T>): boolean => {
    try {
      return a === b || sessionOf(a, committed) === sessionOf(b, committed);
    } catch {
      return true;
    }
  };

  /**
   * Whether a change from `before` to `after` moves the state into another
   * session: only a `session_id` function can tell, by what it returns for
   * each. One that throws is left to fail, and be reported, at emission.
   */
  const movesSession = (running: SessionIdSource<T>, latest: SessionIdSource<T>, before: T, after: T): boolean => {
    try {
      return typeof latest === "function" && sessionOf(running, before) !== latest(after);
    } catch {
      return false;
    }
  };

  /** Emits `ended` as the edit from its baseline to `after`, unless they are equal. */
  const emit = ({ baseline: before, trigger: trigger_name, session, domEvent }: Sequence<T>, after: T) => {
    const inputs = shown;
    const { options = {} } = inputs;
    // What a failure is reported with: the signal as far as it was built.
    const signal: FeedbackData = { session_id: "", kind: "edit", source: "human", trigger_name };
    try {
      if (equal(before, after, options)) return;
      const { value, percentage } = describeEdit(before, after, options.diffType);
      const { score, metadata } = options;
      Object.assign(
        signal,
        {
          session_id: sessionOf(session, after),
          score: typeof score === "function" ? score(before, after, percentage) : (score ?? (percentage <= 0.5 ? 1 : 0)),
          value,
          confidence: percentage,
        },
        metadata !== undefined && { metadata },
      );
      // Sent later than its changes: it carries the user event of the last one made during one, never the event of the moment.
      attributeDomEvent(signal, domEvent);
      // Never throws: it reports its own failures.
      send(signal, inputs);
    } catch (error) {
      report(error, signal, inputs);
    }
  };

  const flush = () => {
    clearTimeout(timer);
    const ended = sequence;
    sequence = null;
    if (ended) emit(ended, current);
  };

  const commit = (inputs: I, state: T) => {
    const { session_id } = inputs;
    const running = sequence;
    if (running && !sameSession(running.session, session_id)) {
      // The sequence ends with the last state shown under its session; what changed since is the new session's.
      sequence = null;
      emit(running, committed);
      let nothingSince = false;
      try {
        nothingSince = equal(committed, current);
      } catch {
        // A throwing compareWith: keep what changed since; its emission reports the error.
      }
      if (nothingSince) clearTimeout(timer);
      else sequence = { trigger: running.trigger, baseline: committed, session: session_id };
    }
    committed = state;
    shown = inputs;
  };

  const change = (update: (current: T) => T, trigger: string | undefined): T => {
    const previous = current;
    const next = update(previous);
    if (equal(previous, next)) {
      // No change: nothing to report, and a running sequence goes on whatever the trigger.
      return (current = next);
    }
    const { options = {}, session_id } = read();
    const triggerName = trigger ?? options.default_trigger_name ?? DEFAULT_TRIGGER_NAME;
    // Another trigger, or a state in another session, ends the running sequence before the new change applies.
    if (sequence && (sequence.trigger !== triggerName || movesSession(sequence.session, session_id, previous, next))) flush();
    current = next;
    if (awaitingFirstValue) {
      // The first value after an initial null/undefined is the baseline, not an edit.
      if (next != null) awaitingFirstValue = false;
      return next;
    }
    sequence ??= { trigger: triggerName, baseline: previous, session: session_id };
    sequence.domEvent = currentDomEvent() ?? sequence.domEvent;
    clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    return next;
  };

  return { change, flush, commit };
}
