import { debugLog } from "../console-once";
import { keyHeaderProblem } from "../api-key";
import { baseUrlProblem, signalEndpoint } from "../endpoint";
import { FeedbackSubmitError } from "../errors";
import { subscribePageHide, type PageHideReason } from "../page-lifecycle";
import type { ValidSignal } from "../signal";
import type { SignalRequestInit, SignalTarget } from "../signal-request";
import { sendAttempt } from "./attempt";
import { MAX_ATTEMPTS, monoMs, nowMs, REQUEST_TIMEOUT_MS, type DeliveryTuning } from "./constants";
import { browserSaysOffline, type ConnectivityMember } from "./connectivity";
import { cannotMakeRequest, decideAfterAttempt, requestNotMade, type AttemptResult } from "./outcome-policy";
import { flushOnPageHide } from "./page-hide-flush";
import { blockedOutcome } from "./blocked-outcome";
import { capSignal } from "./payload-cap";
import { addWithinCaps, newEntry, removeEntry, reportToOwner, settleEntry, uniqueId, type EntryOwner, type QueueEntry } from "./queue-entries";
import type { PageServices } from "./registry";
import { entriesFromSaved } from "./saved-entries";
import { dueEntries } from "./schedule";
import { createSignalStore, parseStoredBody } from "./signal-store";
import { emitAttemptEvent, emitRejectedSignal, emitSignalEvent } from "./signal-events";
import { deleteExpiredSaved } from "./stored-lists";

export interface DeliveryQueue {
  /** Queues a validated signal; resolves once the API accepted it (or another tab provably took it), else rejects. */
  send(signal: ValidSignal, owner: EntryOwner): Promise<void>;
  /** Keeps the queue (and the drain of signals an earlier page saved) going; returns the release function. */
  retain(owner: EntryOwner): () => void;
}

/**
 * One destination's signals (`destination` names it): schedules attempts
 * (at most MAX_IN_FLIGHT, one per session to keep each session's order),
 * applies the outcome policy, follows the page's connectivity, flushes on
 * page hide, and saves what cannot leave. Works while it is retained or
 * still holds a signal; then it removes its listeners and timers and calls
 * `onIdle` (it leaves the registry).
 */
export function createDeliveryQueue(target: SignalTarget, destination: string, tuning: DeliveryTuning, page: PageServices, onIdle: () => void): DeliveryQueue {
  const { connectivity } = page;
  const entries: QueueEntry[] = [];
  const store = createSignalStore(destination, page.tabId);
  const url = signalEndpoint(target.baseUrl, target.project);
  /** Why no request to this destination can be made (a key fetch refuses, a URL that does not parse), if so. */
  const requestProblem = keyHeaderProblem(target.apiKey) ?? baseUrlProblem(target.baseUrl);
  const requestError = () => cannotMakeRequest(requestProblem!);
  let retainers = 0;
  /** Retainers whose sender allows persistence: the first of them drains what earlier pages saved. */
  let persistingRetainers = 0;
  let inFlight = 0;
  let droppedCount = 0;
  let draining = false;
  /** The sender that retained the queue last: it hears about signals nobody awaits. */
  let lastOwner: EntryOwner | undefined;
  let stopWork: (() => void) | undefined;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;

  const log = (owner: EntryOwner | undefined, ...args: unknown[]) => debugLog(owner?.debug, ...args);

  const member: ConnectivityMember = {
    tuning,
    wake: pump,
    // The probe is the oldest signal that may go now (its session idle, its Retry-After past): if it goes through, it is delivered.
    probe: () => dueEntries(entries, 0, monoMs(), 1).due.some((entry) => attempt(entry)),
    // The endpoint stayed blocked past the ceiling: what waits is saved for the next visit (when its sender allows it)
    // and marked reported, and its caller hears why. A signal leaves memory only once safely saved: one that could
    // not be saved stays and is still sent if the endpoint answers again (its caller already heard, once).
    giveUp(reason) {
      const waiting = entries.filter((e) => !e.inFlight);
      const fresh = waiting.filter((e) => !e.settled);
      if (fresh.length) log(lastOwner, `giving up on ${fresh.length} signal(s): ${reason}`);
      save(waiting.filter((e) => e.owner.persist), true);
      for (const entry of waiting) {
        const error = new FeedbackSubmitError(`${reason}; ${blockedOutcome(entry)}`);
        if (!entry.settled) emitSignalEvent(target, entry, entry.stored ? "saved" : "rejected", { error: error.message });
        if (entry.stored) {
          // Its saved copy stays for the next visit.
          entry.stored = false;
          end(entry, error);
        } else settleEntry(entry, error);
      }
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
      clearTimeout(wakeTimer);
    };
  }

  /** No timer or listener outlives the last provider once every signal has settled. */
  function checkIdle(): void {
    if (retainers || entries.length || inFlight || draining || !stopWork) return;
    stopWork();
    stopWork = undefined;
    onIdle();
  }

  /** Queues entries (in their order; at the front for what an earlier page saved), then starts what may start. */
  function add(list: QueueEntry[], atFront?: boolean): void {
    ensureWorking();
    // All are in place before anything starts: a saved comment must not go out before the vote saved ahead of it.
    for (const entry of atFront ? list.slice().reverse() : list) {
      emitSignalEvent(target, entry, "queued");
      for (const dropped of addWithinCaps(entries, entry, atFront, tuning)) {
        store.takeBack(dropped);
        const error = new FeedbackSubmitError(`queue full, dropped the oldest signal (${++droppedCount} dropped so far)`);
        // One already settled (given up, saved) had its last event then.
        if (!dropped.settled) emitSignalEvent(target, dropped, "rejected", { error: error.message });
        settleEntry(dropped, error);
      }
    }
    pump();
  }

  /** Ends an entry: out of the queue, its saved copy taken back, its caller told. */
  function end(entry: QueueEntry, error?: Error): void {
    removeEntry(entries, entry);
    store.takeBack(entry);
    if (entry.settled && !error) log(entry.owner, "delivered (its promise had already rejected)", entry.signal);
    settleEntry(entry, error);
  }

  /** Starts what may start now, and sets one timer (replacing the last) for the earliest wait. */
  function pump(): void {
    clearTimeout(wakeTimer);
    let nextWakeMs = Infinity;
    // While the connection is down, the page's probe decides when to try again.
    if (!connectivity.isDown()) {
      const next = dueEntries(entries, inFlight, monoMs());
      // An entry another tab took (attempt is false) leaves the queue: its session's next signal may go now.
      if (next.due.filter((entry) => !attempt(entry)).length) return pump();
      nextWakeMs = next.nextWakeMs;
    }
    if (nextWakeMs < Infinity) wakeTimer = setTimeout(pump, nextWakeMs - monoMs());
  }

  /** Another tab took the entry's saved copy (a claim record proves it): it sends it, this page no longer does. */
  function handedOver(entry: QueueEntry): void {
    log(entry.owner, "handed over to another tab:", entry.signal);
    emitSignalEvent(target, entry, "handed-over");
    end(entry);
  }

  /** Sends one attempt; `keepaliveOnly` (page hide) sends nothing unless it fits the page's keepalive budget. */
  function attempt(entry: QueueEntry, keepaliveOnly?: boolean): boolean {
    // A configuration error ends the signal at once: nothing sent, connectivity untouched, nothing saved.
    if (requestProblem) {
      end(entry, requestError());
      return false;
    }
    const releaseKeepalive = page.keepalive(entry.bytes);
    if (keepaliveOnly && !releaseKeepalive) return false;
    // Only a claim record shows another tab took it (a missing copy proves nothing).
    if (store.takeBack(entry)) {
      releaseKeepalive?.();
      handedOver(entry);
      return false;
    }
    // The rest of its session leaves storage too (saved again at the next hide): a tab claiming them now would
    // send them before this one is answered.
    for (const next of entries.filter((e) => e != entry && e.session == entry.session && e.stored)) if (store.takeBack(next)) handedOver(next);
    const keepalive = !!releaseKeepalive;
    const init: SignalRequestInit = { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${target.apiKey}` }, body: entry.body, keepalive };
    entry.inFlight = true;
    entry.keepalive = keepalive;
    entry.windowStartMs ??= monoMs();
    inFlight++;
    emitSignalEvent(target, entry, "sending", { attempt: entry.attempts + entry.networkFailures + 1 });
    sendAttempt(entry.owner.transport, url, init, tuning.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, releaseKeepalive)
      .then((result) => finish(entry, result))
      // Internal work never leaves an unhandled rejection behind.
      .catch((bug: unknown) => console.error("[kelet] delivery failed unexpectedly:", bug));
    return true;
  }

  function finish(entry: QueueEntry, result: AttemptResult): void {
    entry.inFlight = false;
    inFlight--;
    try {
      const answered = typeof result == "object";
      // A request that was never made says nothing about the connection.
      if (!answered && !requestNotMade(result)) (result == "timeout" ? connectivity.timedOut : connectivity.networkFailed)();
      // ...but if it was the page's probe, the next probe is still due (timedOut only schedules it), or the page waits for ever.
      else if (!answered) connectivity.timedOut();
      // The endpoint was found blocked: this entry was given up with the others.
      if (!entries.includes(entry)) return;
      // The number its sending event had, before the decision spends it.
      const attemptNumber = entry.attempts + entry.networkFailures + 1;
      const decision = decideAfterAttempt(entry, result, connectivity.isDown());
      emitAttemptEvent(target, entry, result, decision, attemptNumber);
      if (!decision || decision instanceof Error) end(entry, decision);
      else if (decision != "wait") {
        entry.notBeforeMs = monoMs() + decision.waitMs;
        log(entry.owner, `${decision.why}, retrying in ${Math.round(decision.waitMs)} ms (attempt ${entry.attempts + 1} of ${MAX_ATTEMPTS}):`, entry.signal);
      }
      // Any answer means the connection works; this entry's own fate is settled first.
      if (answered) connectivity.answered();
    } finally {
      pump();
      checkIdle();
    }
  }

  function onPageHide(reason: PageHideReason, unloading: boolean): void {
    const saved = flushOnPageHide(entries, reason, !connectivity.isDown() && !browserSaysOffline(), (entry) => attempt(entry, true), save, monoMs(), unloading);
    if (saved) log(lastOwner, `page ${reason}: ${saved} signal(s) saved for the next visit`);
  }

  /** Writes entries to localStorage; a failure leaves them in memory only (and still delivered from there). */
  function save(list: QueueEntry[], reported?: boolean): void {
    // A give-up (reported) tells its own outcome; a signal saved at an earlier hide is not saved again.
    const unsaved = reported ? [] : list.filter((e) => !e.stored);
    for (const record of store.save(list, reported, entries)) {
      const live = entries.find((e) => e.id == record.id);
      // Still in memory: the copy was only a backup, and its loss is not a hand-over.
      if (live) live.stored = false;
      else {
        // Saving happens only with entries in the queue, so a sender has retained or used it (lastOwner is set).
        // One already reported "saved for the next visit" is reported again, with what truly happened.
        const error = new FeedbackSubmitError(record.reported ? "offline storage full, dropped a signal saved for the next visit: it will not be sent" : "offline storage full, dropped the oldest saved signal");
        const signal = parseStoredBody(record.body);
        emitSignalEvent(target, { id: record.id, signal }, "rejected", { error: error.message });
        reportToOwner(lastOwner!, error, signal);
      }
    }
    for (const entry of unsaved) if (entry.stored) emitSignalEvent(target, entry, "saved");
  }

  /** Takes over what an earlier page (or a closed tab) saved; only one tab gets each saved signal. */
  async function drainStore(owner: EntryOwner): Promise<void> {
    if (draining) return;
    draining = true;
    // claimAll never rejects: every storage and lock failure inside it ends in an empty claim or null.
    // Saved records are adopted (at the front, oldest first: they were queued before anything this page sent)
    // before they leave storage.
    await store.claimAll(entries, (orphans) => {
      if (orphans.length) log(owner, `sending ${orphans.length} signal(s) saved by an earlier page`);
      add(entriesFromSaved(orphans, owner), true);
    });
    draining = false;
    checkIdle();
  }

  return {
    send(signal, owner) {
      const capped = capSignal(signal);
      // Refused before any queue: its only event.
      if (capped instanceof Error || requestProblem) {
        const refused = capped instanceof Error ? capped : requestError();
        emitRejectedSignal(target, signal, refused);
        return Promise.reject(refused);
      }
      lastOwner ??= owner;
      return new Promise<void>((resolve, reject) => {
        add([newEntry({ id: uniqueId(), ...capped, queuedAtMs: nowMs(), owner, settle: (error) => (error ? reject(error) : resolve()) })]);
      });
    },
    retain(owner) {
      // Expired saved signals leave storage at the first load that sees them, whichever sender it is.
      if (++retainers == 1) deleteExpiredSaved();
      lastOwner = owner;
      ensureWorking();
      // Persistence is the sender's own: whoever retained first, the first persisting retainer drains.
      if (owner.persist && ++persistingRetainers == 1) void drainStore(owner);
      pump();
      let released = false;
      return () => {
        if (!released) {
          retainers--;
          if (owner.persist) persistingRetainers--;
        }
        released = true;
        checkIdle();
      };
    },
  };
}
