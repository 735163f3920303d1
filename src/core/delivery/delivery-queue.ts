import { debugLog } from "../console-once";
import { FeedbackSubmitError } from "../errors";
import { subscribePageHide, type PageHideReason } from "../page-lifecycle";
import type { FeedbackData, ValidSignal } from "../signal";
import { buildSignalRequest, type SignalTarget } from "../signal-request";
import { sendAttempt, type AttemptResult } from "./attempt";
import { MAX_ATTEMPTS, MAX_IN_FLIGHT, type DeliveryTuning } from "./constants";
import { browserSaysOffline, type Connectivity, type ConnectivityMember } from "./connectivity";
import type { KeepaliveBudget } from "./keepalive-budget";
import { decideAfterAttempt } from "./outcome-policy";
import { flushOnPageHide } from "./page-hide-flush";
import { capSignal, utf8Bytes } from "./payload-cap";
import { createQueueEntries, newEntryId, settleEntry, type EntryOwner, type QueueEntry } from "./queue-entries";
import { createSignalStore, type StoredSignal } from "./signal-store";

/** What every queue of the page shares (held in the page-wide registry). */
export interface PageServices {
  connectivity: Connectivity;
  keepalive: KeepaliveBudget;
  /** Names this page in hand-over records between tabs. */
  tabId: string;
}

export interface DeliveryQueueConfig extends SignalTarget {
  tuning: DeliveryTuning;
  page: PageServices;
  /** Called once nobody retains the queue and every signal has settled: it leaves the registry. */
  onIdle(): void;
}

export interface DeliveryQueue {
  /** Queues a validated signal; resolves once the API accepted it (or another tab provably took it), else rejects. */
  send(signal: ValidSignal, owner: EntryOwner): Promise<void>;
  /** Keeps the queue (and the drain of signals an earlier page saved) going; returns the release function. */
  retain(owner: EntryOwner): () => void;
}

/**
 * One destination's signals (base URL, project, key): schedules attempts
 * (at most MAX_IN_FLIGHT, one per session to keep each session's order),
 * applies the outcome policy, follows the page's connectivity, flushes on
 * page hide, and saves what cannot leave. Works while it is retained or
 * still holds a signal; then it removes its listeners and timers and leaves.
 */
export function createDeliveryQueue(config: DeliveryQueueConfig): DeliveryQueue {
  const { tuning, page } = config;
  const { connectivity } = page;
  const entries = createQueueEntries(tuning);
  const store = createSignalStore(config.baseUrl, config.project, config.apiKey, page.tabId);
  const { url, init: template } = buildSignalRequest(config, { session_id: "", kind: "feedback", source: "human", timestamp: "" });
  let retainers = 0;
  let inFlight = 0;
  let draining = false;
  /** The sender that retained the queue last: it hears about signals nobody awaits. */
  let lastOwner: EntryOwner | undefined;
  let stopWork: (() => void) | undefined;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  let wakeAtMs = Infinity;

  const log = (owner: EntryOwner | undefined, ...args: unknown[]) => debugLog(owner?.debug, ...args);

  function reportTo(owner: EntryOwner, error: Error, signal: FeedbackData): void {
    log(owner, "failed:", error.message, signal);
    try {
      owner.reportFailure?.(error, signal);
    } catch {
      // The handler is the app's; its failure is not ours to throw.
    }
  }

  const member: ConnectivityMember = {
    tuning,
    wake: () => pump(),
    probe() {
      // The probe is the oldest signal itself: if it goes through, it is delivered.
      for (const entry of entries.list.slice()) if (!entry.inFlight && attempt(entry, false)) return true;
      return false;
    },
    giveUp(reason) {
      const waiting = entries.list.filter((e) => !e.inFlight);
      if (waiting.length > 0) log(lastOwner, `giving up on ${waiting.length} signal(s): ${reason}`);
      for (const entry of waiting) giveUp(entry, reason);
      checkIdle();
    },
  };

  function ensureWorking(): void {
    if (stopWork) return;
    const leave = connectivity.join(member);
    const unsubscribe = subscribePageHide("flush-queue", onPageHide);
    stopWork = () => {
      leave();
      unsubscribe();
      setWake(Infinity);
    };
  }

  /** No timer or listener outlives the last provider once every signal has settled. */
  function checkIdle(): void {
    if (retainers > 0 || entries.list.length > 0 || inFlight > 0 || draining || !stopWork) return;
    stopWork();
    stopWork = undefined;
    config.onIdle();
  }

  function send(signal: ValidSignal, owner: EntryOwner): Promise<void> {
    const capped = capSignal(signal);
    if ("error" in capped) return Promise.reject(capped.error);
    lastOwner ??= owner;
    return new Promise<void>((resolve, reject) => {
      add(
        { id: newEntryId(), ...capped, queuedAtMs: Date.now(), owner, settled: false },
        (error) => (error ? reject(error) : resolve()),
        false,
      );
    });
  }

  function retain(owner: EntryOwner): () => void {
    retainers += 1;
    lastOwner = owner;
    ensureWorking();
    if (retainers === 1 && owner.persist) void drainStore(owner);
    pump();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      retainers -= 1;
      checkIdle();
    };
  }

  function add(
    fields: Pick<QueueEntry, "id" | "signal" | "body" | "bytes" | "queuedAtMs" | "owner" | "settled">,
    settle: QueueEntry["settle"],
    atFront: boolean,
  ): void {
    const entry: QueueEntry = {
      ...fields,
      settle,
      // One request per session at a time keeps its order; a signal identified by its trace alone is ordered by that trace.
      session: fields.signal.session_id ?? `trace:${fields.signal.trace_id}`,
      attempts: 0,
      networkFailures: 0,
      windowStartMs: undefined,
      notBeforeMs: 0,
      inFlight: false,
      keepalive: false,
      stored: false,
    };
    ensureWorking();
    for (const dropped of entries.add(entry, atFront)) takeBackCopy(dropped);
    pump();
  }

  /** Ends an entry: out of the queue, its saved copy taken back, its caller told. */
  function end(entry: QueueEntry, error?: Error): void {
    entries.remove(entry);
    takeBackCopy(entry);
    if (entry.settled && !error) log(entry.owner, "delivered (its promise had already rejected)", entry.signal);
    settleEntry(entry, error);
  }

  function takeBackCopy(entry: QueueEntry): void {
    if (!entry.stored) return;
    entry.stored = false;
    store.take([entry.id]);
  }

  /** Starts what may start now, and sets one timer for the earliest wait. */
  function pump(): void {
    if (!stopWork || connectivity.isDown()) {
      // The page's probe decides when to try again.
      setWake(Infinity);
      return;
    }
    const nowMs = Date.now();
    const busySessions = new Set<string>();
    let nextWakeMs = Infinity;
    for (const entry of entries.list.slice()) {
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
    if (!stopWork) atMs = Infinity;
    // The timer already set wakes the queue early enough.
    if (wakeTimer !== undefined && wakeAtMs <= atMs && atMs < Infinity) return;
    clearTimeout(wakeTimer);
    wakeTimer = undefined;
    wakeAtMs = atMs;
    if (atMs < Infinity) {
      wakeTimer = setTimeout(() => {
        wakeTimer = undefined;
        wakeAtMs = Infinity;
        pump();
      }, Math.max(0, atMs - Date.now()));
    }
  }

  /** Sends one attempt; `keepaliveOnly` (page hide) sends nothing unless it fits the keepalive budget. */
  function attempt(entry: QueueEntry, keepaliveOnly: boolean): boolean {
    if (entry.stored) {
      entry.stored = false;
      // A missing copy proves nothing (storage cleared, or its caps): only a claim record shows another tab took it.
      if (store.take([entry.id])?.get(entry.id) === "claimed-by-another-tab") {
        log(entry.owner, "handed over to another tab:", entry.signal);
        end(entry);
        return false;
      }
    }
    const sent = sendAttempt({
      url,
      init: { method: "POST", headers: template.headers, body: entry.body },
      bytes: entry.bytes,
      transport: entry.owner.transport,
      timeoutMs: tuning.requestTimeoutMs,
      budget: page.keepalive,
      keepaliveOnly,
    });
    if (!sent) return false;
    entry.inFlight = true;
    entry.keepalive = sent.keepalive;
    entry.windowStartMs ??= Date.now();
    inFlight += 1;
    sent.result
      .then((result) => finish(entry, result))
      // Internal work never leaves an unhandled rejection behind.
      .catch((bug: unknown) => console.error("[kelet] delivery failed unexpectedly:", bug));
    return true;
  }

  function finish(entry: QueueEntry, result: AttemptResult): void {
    entry.inFlight = false;
    inFlight -= 1;
    try {
      if (result.kind === "network") connectivity.networkFailed();
      if (result.kind === "timeout") connectivity.timedOut();
      // The endpoint was found blocked: this entry was given up with the others.
      if (!entries.list.includes(entry)) return;
      const decision = decideAfterAttempt(entry, result, connectivity.isDown(), Date.now());
      if (decision.kind === "delivered") {
        end(entry);
      } else if (decision.kind === "final") {
        end(entry, decision.error);
      } else if (decision.kind === "retry") {
        entry.notBeforeMs = Date.now() + decision.waitMs;
        log(entry.owner, `${decision.why}, retrying in ${Math.round(decision.waitMs)} ms (attempt ${entry.attempts + 1} of ${MAX_ATTEMPTS}):`, entry.signal);
      }
      // Any answer means the connection works; this entry's own fate is settled first.
      if (result.kind === "answer") connectivity.answered();
    } finally {
      pump();
      checkIdle();
    }
  }

  /** Blocked endpoint: the signal is saved for the next visit (when allowed) and its caller hears why. */
  function giveUp(entry: QueueEntry, reason: string): void {
    // Its promise rejects below: the saved copy is marked reported, so no later eviction reports it again.
    if (entry.owner.persist) save([entry], true);
    const outcome = entry.stored ? "saved for the next visit" : entry.owner.persist ? "storage is unavailable, not saved" : "not saved (persist is off)";
    // Its saved copy stays for the next visit: out of this page's queue only.
    entries.remove(entry);
    entry.stored = false;
    settleEntry(entry, new FeedbackSubmitError(`${reason}; ${outcome}`));
  }

  function onPageHide(reason: PageHideReason): void {
    const leftBehind = flushOnPageHide({
      entries: entries.list,
      canSend: !connectivity.isDown() && !browserSaysOffline(),
      sendWithKeepalive: (entry) => page.keepalive.fits(entry.bytes) && attempt(entry, true),
    });
    // Saved copies are taken back when a signal goes out later, so a page that comes back sends each once.
    save(leftBehind.filter((e) => e.owner.persist));
    for (const entry of leftBehind) {
      if (entry.owner.persist || entry.settled || (entry.inFlight && reason === "hidden")) continue;
      // Nothing may be written: the caller hears it now; if the page comes back, it is still sent.
      settleEntry(entry, new FeedbackSubmitError("the page was hidden before the signal could be sent, and persist is off (nothing was saved)"));
    }
    const saved = leftBehind.filter((e) => e.stored).length;
    if (saved > 0) log(lastOwner, `page ${reason}: ${saved} signal(s) saved for the next visit`);
  }

  /** Writes entries to localStorage; a failure leaves them in memory only (and still delivered from there). */
  function save(list: QueueEntry[], reported = false): void {
    const fresh = list.filter((e) => !e.stored || reported);
    if (fresh.length === 0) return;
    const { saved, dropped } = store.save(
      fresh.map((e) => ({ id: e.id, body: e.body, queuedAtMs: e.queuedAtMs, ...((reported || e.settled) && { reported: true }) })),
    );
    for (const entry of fresh) if (saved.has(entry.id)) entry.stored = true;
    for (const record of dropped) {
      const live = entries.byId(record.id);
      // Still in memory: the copy was only a backup, and its loss is not a hand-over.
      if (live) live.stored = false;
      else if (!record.reported && lastOwner) reportTo(lastOwner, new FeedbackSubmitError("offline storage full, dropped the oldest saved signal"), parseBody(record.body));
    }
  }

  /** Takes over what an earlier page (or a closed tab) saved; only one tab gets each saved signal. */
  async function drainStore(owner: EntryOwner): Promise<void> {
    if (draining) return;
    draining = true;
    let records: StoredSignal[] | null = null;
    try {
      records = await store.claimAll();
    } catch {
      records = null;
    }
    draining = false;
    const orphans: StoredSignal[] = [];
    for (const record of records ?? []) {
      const own = entries.byId(record.id);
      if (own) own.stored = false;
      else orphans.push(record);
    }
    if (orphans.length > 0) log(owner, `sending ${orphans.length} signal(s) saved by an earlier page`);
    for (const record of orphans.reverse()) {
      const signal = parseBody(record.body);
      add(
        // Nobody awaits these: their fate goes to onError (once) and the debug log.
        { id: record.id, signal, body: record.body, bytes: utf8Bytes(record.body), queuedAtMs: record.queuedAtMs, owner, settled: !!record.reported },
        (error) => (error ? reportTo(owner, error, signal) : log(owner, "delivered (saved by an earlier page)", signal)),
        true,
      );
    }
    checkIdle();
  }

  return { send, retain };
}

function parseBody(body: string): FeedbackData {
  try {
    return JSON.parse(body) as FeedbackData;
  } catch {
    return { session_id: "" };
  }
}
