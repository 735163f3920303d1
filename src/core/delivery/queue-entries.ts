import { debugLog } from "../console-once";
import { FeedbackSubmitError } from "../errors";
import type { SignalErrorHandler } from "../report-failure";
import type { FetchLike } from "../signal-request";
import type { FeedbackData, ValidSignal } from "../signal";
import { MAX_QUEUED_BYTES, MAX_QUEUED_SIGNALS, nowMs, type DeliveryTuning } from "./constants";
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
  /** Signals of one session go one at a time, in order. */
  session: string;
  body: string;
  bytes: number;
  queuedAtMs: number;
  owner: EntryOwner;
  /** No attempt before this time (a retry's wait); unset until the first retry. */
  notBeforeMs?: number;
  inFlight?: boolean;
  /** Its request in flight is a `keepalive` one, which survives the page. */
  keepalive?: boolean;
  /** A copy is in localStorage: take it back before sending, so no other tab sends it too. */
  stored?: boolean;
  /** Its caller already heard the end (rejected early, or nobody awaits it and it was reported): later outcomes are only logged. */
  settled?: boolean;
  /** Resolves or rejects the caller's promise; for signals nobody awaits, reports a failure. Call through {@link settleEntry}. */
  settle(error?: Error): void;
}

let idCounter = 0;
/** An id unique on this page and, with the time and randomness in it, across tabs and visits. */
export const uniqueId = (): string => `${nowMs().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${++idCounter}`;

/** A new entry that has spent nothing yet. */
export function newEntry(fields: Pick<QueueEntry, "id" | "signal" | "body" | "bytes" | "queuedAtMs" | "owner" | "settled" | "settle">): QueueEntry {
  const { signal } = fields;
  // A signal identified by its trace alone is ordered by that trace.
  return { ...fields, session: signal.session_id ?? `trace:${(signal as ValidSignal).trace_id}`, attempts: 0, networkFailures: 0 };
}

/** Tells a sender about a signal nobody awaits (saved by an earlier page) that failed for good. */
export function reportToOwner(owner: EntryOwner, error: Error, signal: FeedbackData): void {
  debugLog(owner.debug, "failed:", error.message, signal);
  try {
    owner.reportFailure?.(error, signal);
  } catch {
    // The handler is the app's; its failure is not ours to throw.
  }
}

/** Settles an entry's caller once; what comes after is logged, never reported twice. */
export function settleEntry(entry: QueueEntry, error?: Error): void {
  if (entry.settled) return;
  entry.settled = true;
  entry.settle(error);
}

/** Takes an entry out of its queue (if it is still there). */
export function removeEntry(entries: QueueEntry[], entry: QueueEntry): void {
  const index = entries.indexOf(entry);
  if (index >= 0) entries.splice(index, 1);
}

/**
 * Adds an entry (at the front for what an earlier page saved) within the
 * queue's count and byte caps: beyond them the oldest waiting entries are
 * taken out. Returns them, for the queue to tell their callers.
 */
export function addWithinCaps(entries: QueueEntry[], entry: QueueEntry, atFront: boolean | undefined, tuning: DeliveryTuning): QueueEntry[] {
  entries[atFront ? "unshift" : "push"](entry);
  let bytes = entries.reduce((sum, e) => sum + e.bytes, 0);
  const dropped: QueueEntry[] = [];
  while (entries.length > (tuning.maxQueuedSignals ?? MAX_QUEUED_SIGNALS) || bytes > (tuning.maxQueuedBytes ?? MAX_QUEUED_BYTES)) {
    // Requests in flight stay: their outcome is on its way.
    const oldest = entries.find((e) => !e.inFlight);
    if (!oldest) break;
    removeEntry(entries, oldest);
    bytes -= oldest.bytes;
    dropped.push(oldest);
  }
  return dropped;
}
