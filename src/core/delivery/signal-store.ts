import {
  DRAIN_LEASE_MS,
  DRAIN_LEASE_SETTLE_MS,
  DRAIN_LEASE_TRIES,
  DRAIN_LOCK_HOLD_MS,
  MAX_CLAIM_RECORDS,
  MAX_STORED_BYTES,
  MAX_STORED_SIGNALS,
  STORED_SIGNAL_MAX_AGE_MS,
} from "./constants";

/** A signal saved for a later page load: its exact JSON body, never the key it was sent with. */
export interface StoredSignal {
  id: string;
  body: string;
  /** When the signal was first queued; it expires STORED_SIGNAL_MAX_AGE_MS later. */
  queuedAtMs: number;
  /** Its failure was already reported (its promise rejected, "saved for the next visit"): never reported again. */
  reported?: boolean;
}

/** Proof of a hand-over: the tab `by` took the saved signal `id` to send it. */
interface ClaimRecord {
  id: string;
  by: string;
  atMs: number;
}

/**
 * What became of a saved copy a tab wants back: still there (now taken back),
 * taken by another tab (a claim record proves it), or simply gone (storage
 * cleared or full): only the second means someone else sends it.
 */
export type TakeBack = "taken" | "claimed-by-another-tab" | "absent";

/** FNV-1a, so the storage key tells signals of different keys apart without holding the key. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function localStorageOrNull(): Storage | null {
  try {
    // Reading the property itself throws when storage is disabled.
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function isStoredSignal(value: unknown): value is StoredSignal {
  const record = value as StoredSignal | null;
  return !!record && typeof record.id === "string" && typeof record.body === "string" && typeof record.queuedAtMs === "number";
}

/**
 * Signals waiting for a later page load, in `localStorage` under one key per
 * base URL, project and (fingerprinted) API key. Every method swallows
 * storage errors (quota, private mode, disabled storage): callers then keep
 * the signals in memory.
 */
export interface SignalStore {
  /** Adds or replaces signals; returns the ids kept, and the older records dropped to stay within the caps. */
  save(records: StoredSignal[]): { saved: Set<string>; dropped: StoredSignal[] };
  /** Removes these ids; says for each whether it was there, claimed by another tab, or gone; `null` when storage cannot tell. */
  take(ids: string[]): Map<string, TakeBack> | null;
  /**
   * Removes and returns everything saved (unexpired), under a lock shared by
   * the page's tabs, and records the claim so the tab that saved a signal
   * can tell it was taken over; `null` when another tab holds the lock.
   */
  claimAll(): Promise<StoredSignal[] | null>;
}

/**
 * `tabId` names this page in claim records (one id per page, from the
 * page-wide registry).
 */
export function createSignalStore(baseUrl: string, project: string, apiKey: string, tabId: string = Math.random().toString(36).slice(2)): SignalStore {
  const key = `kelet:unsent:${baseUrl}|${project}|${fingerprint(apiKey)}`;
  const claimKey = key.replace("kelet:unsent:", "kelet:claimed:");

  function readClaims(storage: Storage): ClaimRecord[] {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(claimKey) ?? "[]");
      const cutoffMs = Date.now() - STORED_SIGNAL_MAX_AGE_MS;
      return Array.isArray(parsed) ? parsed.filter((c: ClaimRecord) => !!c && typeof c.id === "string" && c.atMs >= cutoffMs) : [];
    } catch {
      return [];
    }
  }

  function read(storage: Storage): StoredSignal[] {
    const raw = storage.getItem(key);
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      const cutoffMs = Date.now() - STORED_SIGNAL_MAX_AGE_MS;
      return Array.isArray(parsed) ? parsed.filter((r): r is StoredSignal => isStoredSignal(r) && r.queuedAtMs >= cutoffMs) : [];
    } catch {
      return [];
    }
  }

  function write(storage: Storage, records: StoredSignal[]): void {
    if (records.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(records));
  }

  function claimNow(): StoredSignal[] {
    const storage = localStorageOrNull();
    if (!storage) return [];
    try {
      const records = read(storage);
      if (records.length === 0) return records;
      try {
        const atMs = Date.now();
        const claims = readClaims(storage).concat(records.map((r) => ({ id: r.id, by: tabId, atMs })));
        storage.setItem(claimKey, JSON.stringify(claims.slice(-MAX_CLAIM_RECORDS)));
      } catch {
        // Without a claim the saving tab may send its own copy too: a duplicate, never a loss.
      }
      storage.removeItem(key);
      return records;
    } catch {
      return [];
    }
  }

  return {
    save(records) {
      const storage = localStorageOrNull();
      const saved = new Set<string>();
      if (!storage || records.length === 0) return { saved, dropped: [] };
      try {
        const incoming = new Set(records.map((r) => r.id));
        const all = read(storage)
          .filter((r) => !incoming.has(r.id))
          .concat(records)
          .sort((a, b) => a.queuedAtMs - b.queuedAtMs);
        let bytes = all.reduce((sum, r) => sum + r.body.length + 64, 0);
        const dropped: StoredSignal[] = [];
        while (all.length > MAX_STORED_SIGNALS || bytes > MAX_STORED_BYTES) {
          const oldest = all.shift()!;
          bytes -= oldest.body.length + 64;
          dropped.push(oldest);
        }
        write(storage, all);
        for (const r of all) if (incoming.has(r.id)) saved.add(r.id);
        return { saved, dropped: dropped.filter((r) => !incoming.has(r.id)) };
      } catch {
        return { saved: new Set(), dropped: [] };
      }
    },

    take(ids) {
      const storage = localStorageOrNull();
      if (!storage) return null;
      try {
        const result = new Map<string, TakeBack>(ids.map((id) => [id, "absent"]));
        const rest = read(storage).filter((r) => {
          if (!result.has(r.id)) return true;
          result.set(r.id, "taken");
          return false;
        });
        if ([...result.values()].includes("taken")) write(storage, rest);
        for (const claim of readClaims(storage)) {
          if (claim.by !== tabId && result.get(claim.id) === "absent") result.set(claim.id, "claimed-by-another-tab");
        }
        return result;
      } catch {
        return null;
      }
    },

    async claimAll() {
      const storage = localStorageOrNull();
      try {
        // Most loads have nothing saved: no lock, no lease traffic.
        if (!storage || !storage.getItem(key)) return [];
      } catch {
        return [];
      }
      const lockName = key.replace("kelet:unsent:", "kelet:drain:");
      const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      if (locks && typeof locks.request === "function") {
        try {
          return await new Promise<StoredSignal[]>((resolve, reject) => {
            locks.request(lockName, () => {
              resolve(claimNow());
              // The next tab to get the lock must already see the take in its copy of localStorage, or it takes them too.
              return sleep(DRAIN_LOCK_HOLD_MS);
            }).catch(reject);
          });
        } catch {
          return claimNow();
        }
      }
      // No Web Locks: a lease in storage, checked again after a moment, so only one tab claims at a time.
      const leaseKey = `${lockName}:lease`;
      const owner = Math.random().toString(36).slice(2);
      try {
        for (let tries = 0; tries < DRAIN_LEASE_TRIES; tries++) {
          const current = JSON.parse(storage.getItem(leaseKey) ?? "null") as { owner: string; untilMs: number } | null;
          if (current && current.untilMs > Date.now()) {
            await sleep(DRAIN_LEASE_SETTLE_MS * 2);
            continue;
          }
          storage.setItem(leaseKey, JSON.stringify({ owner, untilMs: Date.now() + DRAIN_LEASE_MS }));
          await sleep(DRAIN_LEASE_SETTLE_MS);
          const after = JSON.parse(storage.getItem(leaseKey) ?? "null") as { owner: string } | null;
          if (after?.owner !== owner) continue;
          const records = claimNow();
          storage.removeItem(leaseKey);
          return records;
        }
        return null;
      } catch {
        return null;
      }
    },
  };
}
