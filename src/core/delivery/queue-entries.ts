import { FeedbackSubmitError } from "../errors";
import type { SignalErrorHandler } from "../report-failure";
import type { FetchLike } from "../signal-request";
import type { FeedbackData } from "../signal";
import type { DeliveryTuning } from "./constants";
import type { RetryBudget } from "./outcome-policy";

/** The sender that queued a signal: its transport, who hears its failure, how it logs and whether it may be saved. */
export interface EntryOwner {
  transport: FetchLike;
  reportFailure?: SignalErrorHandler;
  debug: boolean;
  persist: boolean;
}

export interface QueueEntry extends RetryBudget {
  id: string;
  /** What onError receives. */
  signal: FeedbackData;
  session: string;
  body: string;
  bytes: number;
  queuedAtMs: number;
  owner: EntryOwner;
  notBeforeMs: number;
  inFlight: boolean;
  keepalive: boolean;
  /** A copy is in localStorage: take it back before sending, so no other tab sends it too. */
  stored: boolean;
  /** Its caller already heard the end (rejected early, or nobody awaits it and it was reported): later outcomes are only logged. */
  settled: boolean;
  /** Resolves or rejects the caller's promise; for signals nobody awaits, reports a failure. Call through {@link settleEntry}. */
  settle(error?: Error): void;
}

/** Settles an entry's caller once; what comes after is logged, never reported twice. */
export function settleEntry(entry: QueueEntry, error?: Error): void {
  if (entry.settled) return;
  entry.settled = true;
  entry.settle(error);
}

let entryCounter = 0;
export function newEntryId(): string {
  entryCounter += 1;
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${entryCounter}`;
}

/**
 * A queue's signals in order, within its count and byte caps: beyond them the
 * oldest waiting signal is dropped, and its caller hears why.
 */
export interface QueueEntries {
  /** In sending order (what an earlier page saved goes first). */
  readonly list: QueueEntry[];
  /** Adds an entry; returns those the caps pushed out (already settled with the reason). */
  add(entry: QueueEntry, atFront: boolean): QueueEntry[];
  /** Takes an entry out; false when it was not there. */
  remove(entry: QueueEntry): boolean;
  byId(id: string): QueueEntry | undefined;
}

export function createQueueEntries(tuning: DeliveryTuning): QueueEntries {
  const list: QueueEntry[] = [];
  let bytes = 0;
  let droppedCount = 0;

  function remove(entry: QueueEntry): boolean {
    const index = list.indexOf(entry);
    if (index === -1) return false;
    list.splice(index, 1);
    bytes -= entry.bytes;
    return true;
  }

  return {
    list,
    remove,
    add(entry, atFront) {
      if (atFront) list.unshift(entry);
      else list.push(entry);
      bytes += entry.bytes;
      const dropped: QueueEntry[] = [];
      while (list.length > tuning.maxQueuedSignals || bytes > tuning.maxQueuedBytes) {
        const oldest = list.find((e) => !e.inFlight);
        if (!oldest) break;
        droppedCount += 1;
        remove(oldest);
        dropped.push(oldest);
        settleEntry(oldest, new FeedbackSubmitError(`queue full, dropped the oldest signal (${droppedCount} dropped so far)`));
      }
      return dropped;
    },
    byId: (id) => list.find((e) => e.id === id),
  };
}
