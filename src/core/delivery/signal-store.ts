import type { FeedbackData } from "../signal";
import type { SignalTarget } from "../signal-request";
import {
  DRAIN_LEASE_MS,
  DRAIN_LEASE_SETTLE_MS,
  DRAIN_LEASE_TRIES,
  DRAIN_HOLD_MS,
  MAX_CLAIM_RECORDS,
  MAX_STORED_BYTES,
  MAX_STORED_SIGNALS,
  monoMs,
  nowMs,
} from "./constants";
import { uniqueId, type QueueEntry } from "./queue-entries";
import { CLAIM_LIST, readList, SIGNAL_LIST } from "./stored-lists";

/** A signal saved for a later page load: its exact JSON body, never the key it was sent with. */
export interface StoredSignal {
  id: string;
  body: string;
  /** When the signal was first queued; it expires STORED_SIGNAL_MAX_AGE_MS later. */
  queuedAtMs: number;
  /** Its failure was already reported (its promise rejected, "saved for the next visit"): never reported again. */
  reported?: boolean;
  /** No attempt before this time (a server's `Retry-After`, a backoff), kept across visits. */
  notBeforeMs?: number;
}

/** What the store reads of a queue entry. */
type SavedEntry = Pick<QueueEntry, "id" | "body" | "queuedAtMs" | "settled" | "stored" | "notBeforeMs">;

/** Proof of a hand-over: the tab `by` took the saved signal `id` to send it. */
interface ClaimRecord {
  id: string;
  by: string;
  atMs: number;
}

/** FNV-1a, so the storage key tells signals of different keys apart without holding the key. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** Names a destination (base URL, project, fingerprinted key): its queue in the registry, its records in storage. */
export const destinationKey = ({ baseUrl, project, apiKey }: SignalTarget): string => `${baseUrl}|${project}|${fingerprint(apiKey)}`;

/** The signal a saved body holds, for onError and the debug log (an unreadable one as an empty signal). */
export function parseStoredBody(body: string): FeedbackData {
  try {
    return JSON.parse(body) as FeedbackData;
  } catch {
    return { session_id: "" };
  }
}

/**
 * Who holds the drain lease stored under `leaseKey` now; `undefined` when nobody does. A lease ending further
 * ahead than the longest one a tab takes was written before the clock moved back, and an unreadable one holds
 * nothing: neither blocks draining.
 */
function leaseHolder(leaseKey: string): string | undefined {
  try {
    const { owner, untilMs } = JSON.parse(localStorage.getItem(leaseKey)!) as { owner?: unknown; untilMs?: unknown };
    const now = nowMs();
    if (typeof owner == "string" && typeof untilMs == "number" && untilMs > now && untilMs <= now + DRAIN_LEASE_MS) return owner;
  } catch {
    // No lease, or one that cannot be read: expired.
  }
  return undefined;
}

/** Puts the records of `queue`'s entries in its order, in the places they hold (other tabs' records stay where they are). */
function inQueueOrder(records: StoredSignal[], queue: readonly { id: string }[]): void {
  const rank = new Map(queue.map((entry, index) => [entry.id, index]));
  const places = records.flatMap((record, index) => (rank.has(record.id) ? [index] : []));
  const ours = places.map((index) => records[index]!).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  places.forEach((place, k) => (records[place] = ours[k]!));
}

/**
 * Signals waiting for a later page load, in `localStorage` under one key per
 * destination, and the claims that prove a hand-over between tabs. Every
 * method swallows storage errors (quota, private mode, disabled storage):
 * callers then keep the signals in memory.
 */
export interface SignalStore {
  /**
   * Saves these entries (those not saved yet; all of them when `reported`,
   * which marks their failure as told) and marks them `stored`; returns the
   * records of other entries dropped to stay within the caps (unreported
   * ones first, oldest first; a reported record only when nothing else is left).
   * `queue` (this page's queue, in order) orders this page's records among themselves: an entry saved later (a
   * request in flight at a hide, saved when the page is left) still goes before those queued after it.
   */
  save(entries: SavedEntry[], reported?: boolean, queue?: readonly { id: string }[]): StoredSignal[];
  /**
   * Takes an entry's saved copy back before it is sent, so no other tab
   * sends it too. True only when a claim record proves another tab took it:
   * a copy that is simply gone (storage cleared or full) proves nothing.
   */
  takeBack(entry: SavedEntry): boolean;
  /**
   * Removes and returns everything saved (unexpired), under a lock shared by
   * the page's tabs, and records the claim so the tab that saved a signal
   * can tell it was taken over; `null` when another tab holds the lock.
   * Records of `inMemory` entries (this page's own, saved at a hide it came
   * back from) are not returned: those entries are marked not `stored`.
   * `adopt` receives the records before they leave storage (it puts them in memory; nothing is lost between).
   */
  claimAll(inMemory?: SavedEntry[], adopt?: (records: StoredSignal[]) => void): Promise<StoredSignal[] | null>;
}

/** `destination` from {@link destinationKey}; `tabId` names this page in claim records (one id per page, from the registry). */
export function createSignalStore(destination: string, tabId: string): SignalStore {
  const key = `kelet:unsent:${destination}`;
  const claimKey = `kelet:claimed:${destination}`;
  const lockName = `kelet:drain:${destination}`;

  const readRecords = () => readList<StoredSignal>(key, SIGNAL_LIST).items;
  const readClaims = () => readList<ClaimRecord>(claimKey, CLAIM_LIST).items;
  const write = (records: StoredSignal[]) => (records.length ? localStorage.setItem(key, JSON.stringify(records)) : localStorage.removeItem(key));

  /** Saved copies of signals this page took back while storage failed: still to be removed. */
  const leftCopies = new Set<string>();
  function removeLeftCopies(): void {
    if (!leftCopies.size) return;
    try {
      // readRecords reads broken storage as empty: this read throws instead, keeping the ids for next time.
      localStorage.getItem(key);
      const records = readRecords();
      const rest = records.filter((r) => !leftCopies.has(r.id));
      if (rest.length < records.length) write(rest);
      leftCopies.clear();
    } catch {
      // Still failing: next time.
    }
  }

  /** Hands everything saved to `adopt` (which puts it in memory), then removes it from storage. */
  function claimNow(adopt: (records: StoredSignal[]) => void): StoredSignal[] {
    const { items: records, dropped } = readList<StoredSignal>(key, SIGNAL_LIST);
    try {
      if (records.length) {
        try {
          const atMs = nowMs();
          localStorage.setItem(claimKey, JSON.stringify(readClaims().concat(records.map((r) => ({ id: r.id, by: tabId, atMs }))).slice(-MAX_CLAIM_RECORDS)));
        } catch {
          // Without a claim the saving tab may send its own copy too: a duplicate, never a loss.
        }
        // Nothing leaves storage before it is safe in memory.
        adopt(records);
      }
      if (records.length || dropped) localStorage.removeItem(key);
      return records;
    } catch {
      return [];
    }
  }

  /** Removes and returns everything saved, under the drain lock (Web Locks, else a lease); `null` when another tab holds it. */
  async function claimUnderLock(adopt: (records: StoredSignal[]) => void): Promise<StoredSignal[] | null> {
    // Most loads have nothing saved: no lock, no lease traffic (a list with nothing readable left goes at once).
    if (!readRecords().length) return claimNow(adopt);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const locks = globalThis.navigator?.locks;
    if (locks) {
      try {
        return await new Promise<StoredSignal[]>((resolve, reject) => {
          locks
            .request(lockName, () => {
              resolve(claimNow(adopt));
              // Each tab reads its own copy of localStorage, which hears of the take a moment later: the next tab
              // to get the lock must already see it, or it takes the same signals again.
              return sleep(DRAIN_HOLD_MS);
            })
            .catch(reject);
        });
      } catch {
        return claimNow(adopt);
      }
    }
    // No Web Locks: a lease in storage, checked again after a moment, so only one tab claims at a time.
    const leaseKey = `${lockName}:lease`;
    const owner = uniqueId();
    const holdLease = (ms: number) => localStorage.setItem(leaseKey, JSON.stringify({ owner, untilMs: nowMs() + ms }));
    try {
      for (let tries = 0; tries < DRAIN_LEASE_TRIES; tries++) {
        if (leaseHolder(leaseKey) !== undefined) {
          await sleep(DRAIN_LEASE_SETTLE_MS * 2);
          continue;
        }
        holdLease(DRAIN_LEASE_MS);
        await sleep(DRAIN_LEASE_SETTLE_MS);
        if (leaseHolder(leaseKey) != owner) continue;
        const records = claimNow(adopt);
        // Held a moment longer, for the same reason as the Web Lock above.
        holdLease(DRAIN_HOLD_MS);
        return records;
      }
    } catch {
      // A lease that cannot be read or written: leave the drain to a later load.
    }
    return null;
  }

  return {
    save(entries, reported, queue = entries) {
      removeLeftCopies();
      const fresh = entries.filter((e) => !e.stored || reported);
      if (!fresh.length) return [];
      try {
        const incoming = new Map(fresh.map((e) => [e.id, e]));
        // A retry time waits on this page's monotonic clock; saved, it is a wall-clock time, for a later page to read.
        const toRecord = ({ id, body, queuedAtMs, settled, notBeforeMs }: SavedEntry): StoredSignal => ({
          id,
          body,
          queuedAtMs,
          reported: reported || settled,
          notBeforeMs: notBeforeMs === undefined ? undefined : nowMs() + notBeforeMs - monoMs(),
        });
        // Queue order, never the wall clock (two signals in one millisecond, a clock moved back): a record saved again
        // keeps its place, new ones follow in the order they were queued.
        const all = readRecords().map((r) => (incoming.has(r.id) ? toRecord(incoming.get(r.id)!) : r));
        for (const entry of fresh) if (!all.some((r) => r.id == entry.id)) all.push(toRecord(entry));
        inQueueOrder(all, queue);
        let bytes = all.reduce((sum, r) => sum + r.body.length + 64, 0);
        const dropped: StoredSignal[] = [];
        while (all.length > MAX_STORED_SIGNALS || bytes > MAX_STORED_BYTES) {
          // A record whose caller was told "saved for the next visit" goes last: the oldest unreported one first.
          const evicted = all.find((r) => !r.reported) ?? all[0]!;
          all.splice(all.indexOf(evicted), 1);
          bytes -= evicted.body.length + 64;
          dropped.push(evicted);
        }
        write(all);
        for (const { id } of all) {
          const entry = incoming.get(id);
          if (entry) entry.stored = true;
        }
        return dropped.filter((r) => !incoming.has(r.id));
      } catch {
        // Storage missing, disabled or full: the entries stay in memory only.
        return [];
      }
    },

    takeBack(entry) {
      removeLeftCopies();
      if (!entry.stored) return false;
      entry.stored = false;
      try {
        const records = readRecords();
        const rest = records.filter((r) => r.id != entry.id);
        if (rest.length < records.length) write(rest);
        else return readClaims().some((c) => c.id == entry.id && c.by != tabId);
      } catch {
        // Storage that cannot tell proves no hand-over; the copy left behind goes at the next chance, or another tab
        // would send a signal this page already sent (or saw refused).
        leftCopies.add(entry.id);
      }
      return false;
    },

    async claimAll(inMemory = [], adopt = () => {}) {
      // This page's own entries are not adopted again.
      const notInMemory = (records: StoredSignal[]) =>
        records.filter((record) => {
          const own = inMemory.find((e) => e.id == record.id);
          if (own) own.stored = false;
          return !own;
        });
      const records = await claimUnderLock((claimed) => adopt(notInMemory(claimed)));
      return records && records.filter((record) => !inMemory.some((e) => e.id == record.id));
    },
  };
}
