import { onSignalEvent, type SignalEvent, type SignalEventStatus } from "../core/delivery/signal-events";
import type { FeedbackData } from "../core/signal";

/** One signal as the panel shows it: its latest status and every event so far. */
export interface LoggedSignal {
  id: string;
  project: string;
  baseUrl: string;
  signal: FeedbackData;
  status: SignalEventStatus;
  firstAt: number;
  events: SignalEvent[];
}

type Listener = () => void;

/**
 * The page's signals since the first panel mounted, newest first, grouped by
 * id. Listens only while a panel is mounted (no panel, no cost); rows are
 * replaced (never mutated), so React sees each change.
 */
export function createSignalLog() {
  let rows: LoggedSignal[] = [];
  const listeners = new Set<Listener>();
  let stop: (() => void) | undefined;

  function record(event: SignalEvent): void {
    const index = rows.findIndex((row) => row.id == event.id);
    const old = rows[index];
    const row: LoggedSignal = old
      ? { ...old, status: event.status, signal: event.signal, events: [...old.events, event] }
      : { id: event.id, project: event.project, baseUrl: event.baseUrl, signal: event.signal, status: event.status, firstAt: event.at, events: [event] };
    rows = old ? rows.map((r) => (r === old ? row : r)) : [row, ...rows];
    for (const listener of listeners) listener();
  }

  return {
    getSnapshot: () => rows,
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      stop ??= onSignalEvent(record);
      return () => {
        listeners.delete(listener);
        if (!listeners.size) {
          stop?.();
          stop = undefined;
        }
      };
    },
    clear(): void {
      rows = [];
      for (const listener of listeners) listener();
    },
  };
}

/** The one log every panel on the page reads. */
export const signalLog = createSignalLog();
