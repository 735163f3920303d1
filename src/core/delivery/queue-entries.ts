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
export class QueueEntries {
  readonly list: QueueEntry[] = [];
  private bytes = 0;
  private droppedCount = 0;

  constructor(private readonly tuning: DeliveryTuning) {}

  get size(): number {
    return this.list.length;
  }

  /** Adds an entry; returns those the caps pushed out (already settled with the reason). */
  add(entry: QueueEntry, atFront: boolean): QueueEntry[] {
    if (atFront) this.list.unshift(entry);
    else this.list.push(entry);
    this.bytes += entry.bytes;
    const dropped: QueueEntry[] = [];
    while (this.list.length > this.tuning.maxQueuedSignals || this.bytes > this.tuning.maxQueuedBytes) {
      const oldest = this.list.find((e) => !e.inFlight);
      if (!oldest) break;
      this.droppedCount += 1;
      this.remove(oldest);
      dropped.push(oldest);
      settleEntry(oldest, new FeedbackSubmitError(`queue full, dropped the oldest signal (${this.droppedCount} dropped so far)`));
    }
    return dropped;
  }

  /** Takes an entry out; false when it was not there. */
  remove(entry: QueueEntry): boolean {
    const index = this.list.indexOf(entry);
    if (index === -1) return false;
    this.list.splice(index, 1);
    this.bytes -= entry.bytes;
    return true;
  }

  byId(id: string): QueueEntry | undefined {
    return this.list.find((e) => e.id === id);
  }
}
