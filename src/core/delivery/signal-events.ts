import type { FeedbackSubmitError } from "../errors";
import type { FeedbackData } from "../signal";
import type { Decision, AttemptResult } from "./outcome-policy";
import { uniqueId } from "./queue-entries";

/** Where a signal is in its life on this page. */
export type SignalEventStatus = "queued" | "sending" | "retrying" | "delivered" | "rejected" | "saved" | "handed-over";

/** One step of one signal, as {@link onSignalEvent} listeners hear it. */
export interface SignalEvent {
  /** The same for every event of one signal (and for its saved copy sent by a later visit). */
  id: string;
  /** When it happened (ms since the epoch). */
  at: number;
  status: SignalEventStatus;
  project: string;
  baseUrl: string;
  /** The body as sent (as the app gave it when it was invalid); never the key. */
  signal: FeedbackData;
  /** Which attempt this is (sending) or was (retrying, delivered, rejected after an answer). */
  attempt?: number;
  /** The server's status, when it answered with a failure. */
  httpStatus?: number;
  /** Why it is retried, rejected or saved. */
  error?: string;
  /** Retrying: the wait in ms before the next attempt (absent while the page waits for the connection). */
  retryInMs?: number;
}

export type SignalEventListener = (event: SignalEvent) => void;

type Listeners = Set<{ listener: SignalEventListener }>;

// Beside the delivery registry on `globalThis` under a `Symbol.for` key (not inside it, whose shape is versioned), so
// every provider, React root and build (ESM and CJS) on the page reaches the same listeners.
const LISTENERS_KEY = Symbol.for("kelet.signal-events");
const holder = globalThis as { [LISTENERS_KEY]?: Listeners };

/**
 * Hears every signal of every provider and client on the page, step by step:
 * queued, sending, retrying, then delivered, rejected (refused, invalid or
 * given up), saved (kept for the next visit) or handed-over (another tab
 * took it). For the app's own analytics or a development panel. A listener
 * that throws changes nothing; with no listener nothing is recorded.
 * Returns the unsubscribe function.
 *
 * @example
 * const stop = onSignalEvent((event) => { if (event.status == "rejected") track("feedback-failed", event.error); });
 */
export function onSignalEvent(listener: SignalEventListener): () => void {
  const listeners = (holder[LISTENERS_KEY] ??= new Set());
  // Its own record, so the same function subscribed twice is unsubscribed once each.
  const record = { listener };
  listeners.add(record);
  return () => void listeners.delete(record);
}

type Target = { project: string; baseUrl: string };
type Signal = { id: string; signal: FeedbackData };

/** Tells the listeners (if any) about a step of `entry`; never throws. */
export function emitSignalEvent(target: Target, entry: Signal, status: SignalEventStatus, details?: Pick<SignalEvent, "attempt" | "httpStatus" | "error" | "retryInMs">): void {
  const listeners = holder[LISTENERS_KEY];
  if (!listeners?.size) return;
  const event: SignalEvent = { id: entry.id, at: Date.now(), status, project: target.project, baseUrl: target.baseUrl, signal: entry.signal, ...details };
  for (const { listener } of listeners) {
    try {
      listener(event);
    } catch (error) {
      console.error("[kelet] a signal listener failed:", error);
    }
  }
}

/** The event an attempt's outcome makes: delivered, rejected, or retrying (after a wait, or once the connection is back). */
export function emitAttemptEvent(target: Target, entry: Signal, result: AttemptResult, decision: Decision, attempt: number): void {
  const answer = result as { error?: FeedbackSubmitError };
  const next = decision as { message?: string; why?: string; waitMs?: number } | undefined;
  emitSignalEvent(
    target,
    entry,
    next ? (next instanceof Error ? "rejected" : "retrying") : "delivered",
    // While the connection is down ("wait") the error is the attempt's own (a network error), and no wait is set.
    { attempt, ...(next && { httpStatus: answer.error?.status, error: next.message ?? next.why ?? (result as string), retryInMs: next.waitMs }) },
  );
}

/** A signal that never reached a queue (invalid, too large): it is rejected at once, under a fresh id. */
export const emitRejectedSignal = (target: Target, signal: FeedbackData, error: Error): void => emitSignalEvent(target, { id: uniqueId(), signal }, "rejected", { error: error.message });
