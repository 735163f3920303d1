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

export interface DeliveryQueue {
  /** Queues a validated signal; resolves once the API accepted it, rejects with its final error. */
  send(signal: ValidSignal): Promise<void>;
  /** Starts listeners, timers and the drain of signals an earlier page saved; returns the stop function. */
  start(): () => void;
}

/**
 * Delivers one target's signals: retries what may succeed later, waits out
 * offline periods without spending attempts, flushes with `keepalive` when
 * the page goes away and saves what cannot leave for the next load.
 * Background work (listeners, timers) runs only between `start()` and its
 * stop; sending works without it, and what must wait is then saved instead.
 */
export function createDeliveryQueue(config: DeliveryQueueConfig): DeliveryQueue {
  let entries: QueueEntry[] = [];
  let queuedBytes = 0;
  let inFlight = 0;
  let offline = false;
  let networkStreak = 0;
  let droppedCount = 0;
  let probeDelayMs = 0;
  let runCount = 0;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  let wakeAtMs = Infinity;
  let probeTimer: ReturnType<typeof setTimeout> | undefined;
  const teardown: Array<() => void> = [];

  const store = createSignalStore(config.baseUrl, config.project, config.apiKey);
  const template = buildSignalRequest(config, { session_id: "", kind: "feedback", source: "human", timestamp: "" });
  const url = template.url;
  const headers = template.init.headers;

  /** Queues a validated signal; resolves once the API accepted it, rejects with its final error. */
  function send(signal: ValidSignal): Promise<void> {
    const capped = capSignal(signal);
    if ("error" in capped) return Promise.reject(capped.error);
    return new Promise<void>((resolve, reject) => {
      add({
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
  function start(): () => void {
    runCount += 1;
    if (runCount === 1) resume();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      runCount -= 1;
      if (runCount === 0) pause();
    };
  }

  const isRunning = (): boolean => runCount > 0;

  function log(...args: unknown[]): void {
    if (config.debug) console.debug("[kelet]", ...args);
  }

  function report(error: Error, signal: FeedbackData): void {
    log("failed:", error.message, signal);
    try {
      config.reportFailure?.(error, signal);
    } catch {
      // The handler is the app's; its failure is not ours to throw.
    }
  }

  function add(fields: Pick<QueueEntry, "id" | "signal" | "body" | "bytes" | "queuedAtMs" | "settle">, atFront = false): void {
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
    if (atFront) entries.unshift(entry);
    else entries.push(entry);
    queuedBytes += entry.bytes;
    while (entries.length > deliveryTuning.maxQueuedSignals || queuedBytes > deliveryTuning.maxQueuedBytes) {
      const oldest = entries.find((e) => !e.inFlight);
      if (!oldest) break;
      droppedCount += 1;
      remove(oldest);
      oldest.settle(new FeedbackSubmitError(`queue full, dropped the oldest signal (${droppedCount} dropped so far)`));
    }
    pump();
  }

  function remove(entry: QueueEntry): void {
    const index = entries.indexOf(entry);
    if (index === -1) return;
    entries.splice(index, 1);
    queuedBytes -= entry.bytes;
    if (entry.stored) {
      entry.stored = false;
      store.take([entry.id]);
    }
  }

  /** Starts what may start now, and sets one timer for the earliest wait. */
  function pump(): void {
    if (offline && isRunning()) return; // The probe decides when to try again.
    const nowMs = Date.now();
    const busySessions = new Set<string>();
    let nextWakeMs = Infinity;
    for (const entry of entries.slice()) {
      if (inFlight >= MAX_IN_FLIGHT) break;
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
      attempt(entry, false);
    }
    setWake(nextWakeMs);
  }

  function setWake(atMs: number): void {
    if (!isRunning() || atMs === Infinity) {
      if (wakeTimer !== undefined) clearTimeout(wakeTimer);
      wakeTimer = undefined;
      wakeAtMs = Infinity;
      return;
    }
    if (wakeTimer !== undefined && wakeAtMs <= atMs) return;
    if (wakeTimer !== undefined) clearTimeout(wakeTimer);
    wakeAtMs = atMs;
    wakeTimer = setTimeout(() => {
      wakeTimer = undefined;
      wakeAtMs = Infinity;
      pump();
    }, Math.max(0, atMs - Date.now()));
  }

  /** Sends one attempt; `keepaliveOnly` (page hide) sends nothing unless it fits the keepalive budget. */
  function attempt(entry: QueueEntry, keepaliveOnly: boolean): boolean {
    const keepalive = reserveKeepalive(entry.bytes);
    if (keepaliveOnly && !keepalive) return false;
    if (entry.stored) {
      entry.stored = false;
      const taken = store.take([entry.id]);
      if (taken && !taken.has(entry.id)) {
        // Another tab claimed the saved copy and delivers it.
        if (keepalive) releaseKeepalive(entry.bytes);
        log("handed over to another tab:", entry.signal);
        remove(entry);
        entry.settle();
        return false;
      }
    }
    entry.inFlight = true;
    entry.keepalive = keepalive;
    entry.windowStartMs ??= Date.now();
    inFlight += 1;

    const controller = typeof AbortController === "function" ? new AbortController() : undefined;
    let done = false;
    let released = !keepalive;
    const release = () => {
      if (!released) releaseKeepalive(entry.bytes);
      released = true;
    };
    const end = (result: AttemptResult) => {
      if (done) return;
      done = true;
      clearTimeout(timeout);
      if (result.kind !== "answer") release();
      finish(entry, result);
    };
    // A transport that ignores the abort still ends the attempt on time.
    const timeout = setTimeout(() => {
      controller?.abort();
      end({ kind: "timeout" });
    }, deliveryTuning.requestTimeoutMs);
    const init: SignalRequestInit = { method: "POST", headers: { ...headers }, body: entry.body };
    if (keepalive) init.keepalive = true;
    if (controller) init.signal = controller.signal;
    let request: Promise<unknown>;
    try {
      request = Promise.resolve(config.transport(url, init));
    } catch (error) {
      request = Promise.reject(error);
    }
    request
      .then(
        (response) => {
          // The browser counts a keepalive request against its budget until the answer's body is read: read it, then give the room back.
          const readBody = (response as { text?: () => Promise<unknown> } | null)?.text;
          let reading: Promise<unknown> = Promise.resolve();
          try {
            if (typeof readBody === "function") reading = Promise.resolve(readBody.call(response));
          } catch {
            // A body that cannot be read is not worth waiting for.
          }
          reading.then(release, release);
          end({ kind: "answer", outcome: readAttemptOutcome(response as Parameters<typeof readAttemptOutcome>[0]) });
        },
        (error: unknown) => end({ kind: "network", error }),
      )
      // Internal work never leaves an unhandled rejection behind.
      .catch((bug: unknown) => console.error("[kelet] delivery failed unexpectedly:", bug));
    return true;
  }

  function finish(entry: QueueEntry, result: AttemptResult): void {
    entry.inFlight = false;
    inFlight -= 1;
    try {
      if (result.kind === "network") {
        onNetworkFailure(entry, result.error);
      } else {
        networkStreak = 0;
        if (result.kind === "timeout") {
          retryOrFail(entry, new FeedbackSubmitError("request timed out"), undefined, "timed out");
        } else if (result.outcome.delivered) {
          remove(entry);
          entry.settle();
        } else if (isRetryableStatus(result.outcome.status)) {
          const { error, retryAfterHeader, status } = result.outcome;
          retryOrFail(entry, error, parseRetryAfterMs(retryAfterHeader, Date.now()), `HTTP ${status}`);
        } else {
          remove(entry);
          entry.settle(result.outcome.error);
        }
        // Any answer means the connection is back; this entry's own fate is settled first.
        if (offline) goOnline();
      }
    } finally {
      pump();
    }
  }

  function retryOrFail(entry: QueueEntry, error: FeedbackSubmitError, retryAfterMs: number | undefined, why: string): void {
    entry.attempts += 1;
    const nowMs = Date.now();
    const waitMs = retryAfterMs ?? retryDelayMs(entry.attempts);
    if (entry.attempts >= MAX_ATTEMPTS || nowMs + waitMs - (entry.windowStartMs ?? nowMs) > RETRY_WINDOW_MS) {
      remove(entry);
      entry.settle(error);
      return;
    }
    entry.notBeforeMs = nowMs + waitMs;
    log(`${why}, retrying in ${Math.round(waitMs)} ms (attempt ${entry.attempts + 1} of ${MAX_ATTEMPTS}):`, entry.signal);
    if (!isRunning()) save([entry]);
  }

  function onNetworkFailure(entry: QueueEntry, cause: unknown): void {
    entry.networkFailures += 1;
    networkStreak += 1;
    if (offline || browserSaysOffline() || networkStreak >= OFFLINE_AFTER_NETWORK_FAILURES) {
      goOffline();
      // A failed probe costs nothing either.
      entry.networkFailures = 0;
      entry.windowStartMs = undefined;
      if (isRunning()) scheduleProbe();
      else save([entry]);
      return;
    }
    const reason = cause instanceof Error && cause.message ? cause.message : "network error";
    if (entry.networkFailures >= MAX_ATTEMPTS) {
      remove(entry);
      entry.settle(new FeedbackSubmitError(`network error (${reason})`));
      return;
    }
    const waitMs = retryDelayMs(entry.networkFailures);
    entry.notBeforeMs = Date.now() + waitMs;
    log(`network error (${reason}), retrying in ${Math.round(waitMs)} ms:`, entry.signal);
    if (!isRunning()) save([entry]);
  }

  function goOffline(): void {
    if (offline) return;
    offline = true;
    probeDelayMs = deliveryTuning.firstProbeDelayMs;
    // Offline is not failure: connection errors that led here cost no attempts.
    for (const entry of entries) {
      entry.networkFailures = 0;
      // Time spent offline is the connection's fault: each retry window starts afresh at the next attempt.
      entry.windowStartMs = undefined;
    }
    setWake(Infinity);
    log(`offline: ${entries.length} signal(s) wait for the connection`);
  }

  function goOnline(): void {
    if (!offline) return;
    offline = false;
    networkStreak = 0;
    if (probeTimer !== undefined) clearTimeout(probeTimer);
    probeTimer = undefined;
    log("back online");
    pump();
  }

  function scheduleProbe(): void {
    if (!isRunning() || probeTimer !== undefined) return;
    const delayMs = probeDelayMs;
    probeDelayMs = Math.min(MAX_PROBE_DELAY_MS, probeDelayMs * 2);
    probeTimer = setTimeout(() => {
      probeTimer = undefined;
      if (!offline) return;
      const head = entries.find((e) => !e.inFlight);
      if (!head) {
        if (inFlight === 0) goOnline();
        return;
      }
      if (browserSaysOffline()) {
        scheduleProbe();
        return;
      }
      // The probe is the oldest signal itself: if it goes through, it is delivered.
      attempt(head, false);
    }, delayMs);
  }

  const onOnline = () => {
    log("browser is online");
    goOnline();
  };

  const onOffline = () => {
    goOffline();
    scheduleProbe();
  };

  const onPageHide = (reason: string) => {
    // Everything waiting leaves now with keepalive, within the budget; the rest is saved for the next load.
    const canSend = !offline && !browserSaysOffline();
    const toSave: QueueEntry[] = [];
    for (const entry of entries.slice()) {
      if (entry.inFlight) {
        // A plain request dies with the page: keep a copy (taken back if it succeeds).
        if (!entry.keepalive) toSave.push(entry);
      } else if (!(canSend && keepaliveFits(entry.bytes) && attempt(entry, true))) {
        if (entries.includes(entry)) toSave.push(entry);
      }
    }
    save(toSave);
    if (toSave.length > 0) log(`page ${reason}: ${toSave.length} signal(s) saved for the next visit`);
  };

  /** Writes entries to localStorage; failures leave them in memory only. */
  function save(entries: QueueEntry[]): void {
    const fresh = entries.filter((e) => !e.stored);
    if (fresh.length === 0) return;
    const { saved, dropped } = store.save(fresh.map((e) => ({ id: e.id, body: e.body, queuedAtMs: e.queuedAtMs })));
    for (const entry of fresh) if (saved.has(entry.id)) entry.stored = true;
    for (const record of dropped) {
      if (entries.some((e) => e.id === record.id)) continue;
      report(new FeedbackSubmitError("offline storage full, dropped the oldest saved signal"), parseBody(record.body));
    }
  }

  function resume(): void {
    if (typeof window !== "undefined" && typeof window.addEventListener === "function") {
      window.addEventListener("online", onOnline);
      window.addEventListener("offline", onOffline);
      teardown.push(() => {
        window.removeEventListener("online", onOnline);
        window.removeEventListener("offline", onOffline);
      });
    }
    teardown.push(subscribePageHide("flush-queue", onPageHide));
    if (browserSaysOffline()) {
      goOffline();
      scheduleProbe();
    } else if (offline) {
      scheduleProbe();
    }
    void drainStore();
    pump();
  }

  function pause(): void {
    for (const stop of teardown.splice(0)) stop();
    setWake(Infinity);
    if (probeTimer !== undefined) clearTimeout(probeTimer);
    probeTimer = undefined;
    // No timer outlives the last provider: what waits is saved, and resumes on the next start or load.
    save(entries.filter((e) => !e.inFlight));
  }

  /** Takes over what an earlier page (or a closed tab) saved; only one tab gets each saved signal. */
  async function drainStore(): Promise<void> {
    let records: StoredSignal[] | null;
    try {
      records = await store.claimAll();
    } catch {
      return;
    }
    if (!records || records.length === 0) return;
    if (!isRunning()) {
      // Stopped while waiting for the lock: put them back for the next start.
      store.save(records);
      return;
    }
    const byId = new Map(entries.map((e) => [e.id, e]));
    const orphans: StoredSignal[] = [];
    for (const record of records) {
      const own = byId.get(record.id);
      if (own) own.stored = false;
      else orphans.push(record);
    }
    if (orphans.length > 0) log(`sending ${orphans.length} signal(s) saved by an earlier page`);
    for (const record of orphans.reverse()) {
      const signal = parseBody(record.body);
      add(
        {
          id: record.id,
          signal,
          body: record.body,
          bytes: utf8Bytes(record.body),
          queuedAtMs: record.queuedAtMs,
          // Nobody awaits these: their fate goes to onError and the debug log.
          settle: (error?: Error) => (error ? report(error, signal) : log("delivered (saved by an earlier page)", signal)),
        },
        true,
      );
    }
  }
  return { send, start };
}

function parseBody(body: string): FeedbackData {
  try {
    return JSON.parse(body) as FeedbackData;
  } catch {
    return { session_id: "" };
  }
}
