import { FeedbackSubmitError } from "../errors";
import { subscribePageHide } from "../page-lifecycle";
import type { SignalErrorHandler } from "../report-failure";
import type { FeedbackData, ValidSignal } from "../signal";
import { buildSignalRequest, readAttemptOutcome, type AttemptOutcome, type FetchLike, type SignalRequestInit, type SignalTarget } from "../signal-request";
import {
  MAX_ATTEMPTS,
  MAX_IN_FLIGHT,
  MAX_PROBE_DELAY_MS,
  OFFLINE_AFTER_NETWORK_FAILURES,
  RETRY_WINDOW_MS,
  deliveryTuning,
} from "./constants";
import { keepaliveFits, releaseKeepalive, reserveKeepalive } from "./keepalive-budget";
import { capSignal, utf8Bytes } from "./payload-cap";
import { isRetryableStatus, parseRetryAfterMs, retryDelayMs } from "./retry-policy";
import { createSignalStore, type StoredSignal } from "./signal-store";

export interface DeliveryQueueConfig extends SignalTarget {
  /** Sends one request; looked up by the caller at send time. */
  transport: FetchLike;
  /** Hears final failures of signals nobody awaits (saved by an earlier page, dropped from storage). */
  reportFailure?: SignalErrorHandler;
  debug?: boolean;
}

interface QueueEntry {
  id: string;
  /** What onError receives. */
  signal: FeedbackData;
  session: string;
  body: string;
  bytes: number;
  queuedAtMs: number;
  /** Failed answers (408, 429, 5xx) and time-outs so far. */
  attempts: number;
  /** Connection-level failures since the queue last decided it was offline. */
  networkFailures: number;
  /** When the retry window started: the first attempt, or the return from offline. */
  windowStartMs: number | undefined;
  notBeforeMs: number;
  inFlight: boolean;
  keepalive: boolean;
  /** A copy is in localStorage: take it back before sending, so no other tab sends it too. */
  stored: boolean;
  /** Resolves or rejects the caller's promise; for orphans, reports a failure. */
  settle(error?: Error): void;
}

type AttemptResult = { kind: "answer"; outcome: AttemptOutcome } | { kind: "timeout" } | { kind: "network"; error: unknown };

let entryCounter = 0;
function newEntryId(): string {
  entryCounter += 1;
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${entryCounter}`;
}

function browserSaysOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

/**
 * Delivers one target's signals: retries what may succeed later, waits out
 * offline periods without spending attempts, flushes with `keepalive` when
 * the page goes away and saves what cannot leave for the next load.
 * Background work (listeners, timers) runs only between `start()` and its
 * stop; sending works without it, and what must wait is then saved instead.
 */
export class DeliveryQueue {
  private readonly config: DeliveryQueueConfig;
  private readonly store: ReturnType<typeof createSignalStore>;
  private readonly url: string;
  private readonly headers: SignalRequestInit["headers"];
  private entries: QueueEntry[] = [];
  private queuedBytes = 0;
  private inFlight = 0;
  private offline = false;
  private networkStreak = 0;
  private droppedCount = 0;
  private probeDelayMs = 0;
  private runCount = 0;
  private wakeTimer: ReturnType<typeof setTimeout> | undefined;
  private wakeAtMs = Infinity;
  private probeTimer: ReturnType<typeof setTimeout> | undefined;
  private teardown: Array<() => void> = [];

  constructor(config: DeliveryQueueConfig) {
    this.config = config;
    this.store = createSignalStore(config.baseUrl, config.project, config.apiKey);
    const template = buildSignalRequest(config, { session_id: "", kind: "feedback", source: "human", timestamp: "" });
    this.url = template.url;
    this.headers = template.init.headers;
  }

  /** Queues a validated signal; resolves once the API accepted it, rejects with its final error. */
  send(signal: ValidSignal): Promise<void> {
    const capped = capSignal(signal);
    if ("error" in capped) return Promise.reject(capped.error);
    return new Promise<void>((resolve, reject) => {
      this.add({
        signal: capped.signal,
        body: capped.body,
        bytes: capped.bytes,
        id: newEntryId(),
        queuedAtMs: Date.now(),
        settle: (error) => (error ? reject(error) : resolve()),
      });
    });
  }

  /** Starts listeners, timers and the drain of signals an earlier page saved; returns the stop function. */
  start(): () => void {
    this.runCount += 1;
    if (this.runCount === 1) this.resume();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.runCount -= 1;
      if (this.runCount === 0) this.pause();
    };
  }

  private get running(): boolean {
    return this.runCount > 0;
  }

  private log(...args: unknown[]): void {
    if (this.config.debug) console.debug("[kelet]", ...args);
  }

  private report(error: Error, signal: FeedbackData): void {
    this.log("failed:", error.message, signal);
    try {
      this.config.reportFailure?.(error, signal);
    } catch {
      // The handler is the app's; its failure is not ours to throw.
    }
  }

  private add(fields: Pick<QueueEntry, "id" | "signal" | "body" | "bytes" | "queuedAtMs" | "settle">, atFront = false): void {
    const entry: QueueEntry = {
      ...fields,
      session: String(fields.signal.session_id),
      attempts: 0,
      networkFailures: 0,
      windowStartMs: undefined,
      notBeforeMs: 0,
      inFlight: false,
      keepalive: false,
      stored: false,
    };
    if (atFront) this.entries.unshift(entry);
    else this.entries.push(entry);
    this.queuedBytes += entry.bytes;
    while (this.entries.length > deliveryTuning.maxQueuedSignals || this.queuedBytes > deliveryTuning.maxQueuedBytes) {
      const oldest = this.entries.find((e) => !e.inFlight);
      if (!oldest) break;
      this.droppedCount += 1;
      this.remove(oldest);
      oldest.settle(new FeedbackSubmitError(`queue full, dropped the oldest signal (${this.droppedCount} dropped so far)`));
    }
    this.pump();
  }

  private remove(entry: QueueEntry): void {
    const index = this.entries.indexOf(entry);
    if (index === -1) return;
    this.entries.splice(index, 1);
    this.queuedBytes -= entry.bytes;
    if (entry.stored) {
      entry.stored = false;
      this.store.take([entry.id]);
    }
  }

  /** Starts what may start now, and sets one timer for the earliest wait. */
  private pump(): void {
    if (this.offline && this.running) return; // The probe decides when to try again.
    const nowMs = Date.now();
    const busySessions = new Set<string>();
    let nextWakeMs = Infinity;
    for (const entry of this.entries.slice()) {
      if (this.inFlight >= MAX_IN_FLIGHT) break;
      if (entry.inFlight) {
        busySessions.add(entry.session);
        continue;
      }
      // One request per session at a time keeps each session's signals in order.
      if (busySessions.has(entry.session)) continue;
      busySessions.add(entry.session);
      if (entry.notBeforeMs > nowMs) {
        nextWakeMs = Math.min(nextWakeMs, entry.notBeforeMs);
        continue;
      }
      this.attempt(entry, false);
    }
    this.setWake(nextWakeMs);
  }

  private setWake(atMs: number): void {
    if (!this.running || atMs === Infinity) {
      if (this.wakeTimer !== undefined) clearTimeout(this.wakeTimer);
      this.wakeTimer = undefined;
      this.wakeAtMs = Infinity;
      return;
    }
    if (this.wakeTimer !== undefined && this.wakeAtMs <= atMs) return;
    if (this.wakeTimer !== undefined) clearTimeout(this.wakeTimer);
    this.wakeAtMs = atMs;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wakeAtMs = Infinity;
      this.pump();
    }, Math.max(0, atMs - Date.now()));
  }

  /** Sends one attempt; `keepaliveOnly` (page hide) sends nothing unless it fits the keepalive budget. */
  private attempt(entry: QueueEntry, keepaliveOnly: boolean): boolean {
    const keepalive = reserveKeepalive(entry.bytes);
    if (keepaliveOnly && !keepalive) return false;
    if (entry.stored) {
      entry.stored = false;
      if (!this.store.take([entry.id]).has(entry.id)) {
        // Another tab claimed the saved copy and delivers it.
        if (keepalive) releaseKeepalive(entry.bytes);
        this.log("handed over to another tab:", entry.signal);
        this.remove(entry);
        entry.settle();
        return false;
      }
    }
    entry.inFlight = true;
    entry.keepalive = keepalive;
    entry.windowStartMs ??= Date.now();
    this.inFlight += 1;

    const controller = typeof AbortController === "function" ? new AbortController() : undefined;
    let done = false;
    const finish = (result: AttemptResult) => {
      if (done) return;
      done = true;
      clearTimeout(timeout);
      if (keepalive) releaseKeepalive(entry.bytes);
      this.finish(entry, result);
    };
    // A transport that ignores the abort still ends the attempt on time.
    const timeout = setTimeout(() => {
      controller?.abort();
      finish({ kind: "timeout" });
    }, deliveryTuning.requestTimeoutMs);
    const init: SignalRequestInit = { method: "POST", headers: { ...this.headers }, body: entry.body };
    if (keepalive) init.keepalive = true;
    if (controller) init.signal = controller.signal;
    let request: Promise<unknown>;
    try {
      request = Promise.resolve(this.config.transport(this.url, init));
    } catch (error) {
      request = Promise.reject(error);
    }
    request
      .then(
        (response) => finish({ kind: "answer", outcome: readAttemptOutcome(response as Parameters<typeof readAttemptOutcome>[0]) }),
        (error: unknown) => finish({ kind: "network", error }),
      )
      // Internal work never leaves an unhandled rejection behind.
      .catch((bug: unknown) => console.error("[kelet] delivery failed unexpectedly:", bug));
    return true;
  }

  private finish(entry: QueueEntry, result: AttemptResult): void {
    entry.inFlight = false;
    this.inFlight -= 1;
    try {
      if (result.kind === "network") {
        this.onNetworkFailure(entry, result.error);
      } else {
        this.networkStreak = 0;
        if (result.kind === "timeout") {
          this.retryOrFail(entry, new FeedbackSubmitError("request timed out"), undefined, "timed out");
        } else if (result.outcome.delivered) {
          this.remove(entry);
          entry.settle();
        } else if (isRetryableStatus(result.outcome.status)) {
          const { error, retryAfterHeader, status } = result.outcome;
          this.retryOrFail(entry, error, parseRetryAfterMs(retryAfterHeader, Date.now()), `HTTP ${status}`);
        } else {
          this.remove(entry);
          entry.settle(result.outcome.error);
        }
        // Any answer means the connection is back; this entry's own fate is settled first.
        if (this.offline) this.goOnline();
      }
    } finally {
      this.pump();
    }
  }

  private retryOrFail(entry: QueueEntry, error: FeedbackSubmitError, retryAfterMs: number | undefined, why: string): void {
    entry.attempts += 1;
    const nowMs = Date.now();
    const waitMs = retryAfterMs ?? retryDelayMs(entry.attempts);
    if (entry.attempts >= MAX_ATTEMPTS || nowMs + waitMs - (entry.windowStartMs ?? nowMs) > RETRY_WINDOW_MS) {
      this.remove(entry);
      entry.settle(error);
      return;
    }
    entry.notBeforeMs = nowMs + waitMs;
    this.log(`${why}, retrying in ${Math.round(waitMs)} ms (attempt ${entry.attempts + 1} of ${MAX_ATTEMPTS}):`, entry.signal);
    if (!this.running) this.save([entry]);
  }

  private onNetworkFailure(entry: QueueEntry, cause: unknown): void {
    entry.networkFailures += 1;
    this.networkStreak += 1;
    if (this.offline || browserSaysOffline() || this.networkStreak >= OFFLINE_AFTER_NETWORK_FAILURES) {
      this.goOffline();
      // A failed probe costs nothing either.
      entry.networkFailures = 0;
      entry.windowStartMs = undefined;
      if (this.running) this.scheduleProbe();
      else this.save([entry]);
      return;
    }
    const reason = cause instanceof Error && cause.message ? cause.message : "network error";
    if (entry.networkFailures >= MAX_ATTEMPTS) {
      this.remove(entry);
      entry.settle(new FeedbackSubmitError(`network error (${reason})`));
      return;
    }
    const waitMs = retryDelayMs(entry.networkFailures);
    entry.notBeforeMs = Date.now() + waitMs;
    this.log(`network error (${reason}), retrying in ${Math.round(waitMs)} ms:`, entry.signal);
    if (!this.running) this.save([entry]);
  }

  private goOffline(): void {
    if (this.offline) return;
    this.offline = true;
    this.probeDelayMs = deliveryTuning.firstProbeDelayMs;
    // Offline is not failure: connection errors that led here cost no attempts.
    for (const entry of this.entries) {
      entry.networkFailures = 0;
      // Time spent offline is the connection's fault: each retry window starts afresh at the next attempt.
      entry.windowStartMs = undefined;
    }
    this.setWake(Infinity);
    this.log(`offline: ${this.entries.length} signal(s) wait for the connection`);
  }

  private goOnline(): void {
    if (!this.offline) return;
    this.offline = false;
    this.networkStreak = 0;
    if (this.probeTimer !== undefined) clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
    const nowMs = Date.now();
    for (const entry of this.entries) entry.notBeforeMs = Math.min(entry.notBeforeMs, nowMs);
    this.log("back online");
    this.pump();
  }

  private scheduleProbe(): void {
    if (!this.running || this.probeTimer !== undefined) return;
    const delayMs = this.probeDelayMs;
    this.probeDelayMs = Math.min(MAX_PROBE_DELAY_MS, this.probeDelayMs * 2);
    this.probeTimer = setTimeout(() => {
      this.probeTimer = undefined;
      if (!this.offline) return;
      const head = this.entries.find((e) => !e.inFlight);
      if (!head) {
        if (this.inFlight === 0) this.goOnline();
        return;
      }
      if (browserSaysOffline()) {
        this.scheduleProbe();
        return;
      }
      // The probe is the oldest signal itself: if it goes through, it is delivered.
      this.attempt(head, false);
    }, delayMs);
  }

  private readonly onOnline = () => {
    this.log("browser is online");
    this.goOnline();
  };

  private readonly onOffline = () => {
    this.goOffline();
    this.scheduleProbe();
  };

  private readonly onPageHide = (reason: string) => {
    // Everything waiting leaves now with keepalive, within the budget; the rest is saved for the next load.
    const canSend = !this.offline && !browserSaysOffline();
    const toSave: QueueEntry[] = [];
    for (const entry of this.entries.slice()) {
      if (entry.inFlight) {
        // A plain request dies with the page: keep a copy (taken back if it succeeds).
        if (!entry.keepalive) toSave.push(entry);
      } else if (!(canSend && keepaliveFits(entry.bytes) && this.attempt(entry, true))) {
        if (this.entries.includes(entry)) toSave.push(entry);
      }
    }
    this.save(toSave);
    if (toSave.length > 0) this.log(`page ${reason}: ${toSave.length} signal(s) saved for the next visit`);
  };

  /** Writes entries to localStorage; failures leave them in memory only. */
  private save(entries: QueueEntry[]): void {
    const fresh = entries.filter((e) => !e.stored);
    if (fresh.length === 0) return;
    const { saved, dropped } = this.store.save(fresh.map((e) => ({ id: e.id, body: e.body, queuedAtMs: e.queuedAtMs })));
    for (const entry of fresh) if (saved.has(entry.id)) entry.stored = true;
    for (const record of dropped) {
      if (this.entries.some((e) => e.id === record.id)) continue;
      this.report(new FeedbackSubmitError("offline storage full, dropped the oldest saved signal"), parseBody(record.body));
    }
  }

  private resume(): void {
    if (typeof window !== "undefined" && typeof window.addEventListener === "function") {
      window.addEventListener("online", this.onOnline);
      window.addEventListener("offline", this.onOffline);
      this.teardown.push(() => {
        window.removeEventListener("online", this.onOnline);
        window.removeEventListener("offline", this.onOffline);
      });
    }
    this.teardown.push(subscribePageHide("flush-queue", this.onPageHide));
    if (browserSaysOffline()) {
      this.goOffline();
      this.scheduleProbe();
    } else if (this.offline) {
      this.scheduleProbe();
    }
    void this.drainStore();
    this.pump();
  }

  private pause(): void {
    for (const stop of this.teardown.splice(0)) stop();
    this.setWake(Infinity);
    if (this.probeTimer !== undefined) clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
    // No timer outlives the last provider: what waits is saved, and resumes on the next start or load.
    this.save(this.entries.filter((e) => !e.inFlight));
  }

  /** Takes over what an earlier page (or a closed tab) saved; only one tab gets each saved signal. */
  private async drainStore(): Promise<void> {
    let records: StoredSignal[] | null;
    try {
      records = await this.store.claimAll();
    } catch {
      return;
    }
    if (!records || records.length === 0) return;
    if (!this.running) {
      // Stopped while waiting for the lock: put them back for the next start.
      this.store.save(records);
      return;
    }
    const byId = new Map(this.entries.map((e) => [e.id, e]));
    const orphans: StoredSignal[] = [];
    for (const record of records) {
      const own = byId.get(record.id);
      if (own) own.stored = false;
      else orphans.push(record);
    }
    if (orphans.length > 0) this.log(`sending ${orphans.length} signal(s) saved by an earlier page`);
    for (const record of orphans.reverse()) {
      const signal = parseBody(record.body);
      this.add(
        {
          id: record.id,
          signal,
          body: record.body,
          bytes: utf8Bytes(record.body),
          queuedAtMs: record.queuedAtMs,
          // Nobody awaits these: their fate goes to onError and the debug log.
          settle: (error?: Error) => (error ? this.report(error, signal) : this.log("delivered (saved by an earlier page)", signal)),
        },
        true,
      );
    }
  }
}

function parseBody(body: string): FeedbackData {
  try {
    return JSON.parse(body) as FeedbackData;
  } catch {
    return { session_id: "" };
  }
}
