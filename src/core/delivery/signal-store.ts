import { DRAIN_LEASE_MS, DRAIN_LEASE_SETTLE_MS, DRAIN_LEASE_TRIES, MAX_STORED_BYTES, MAX_STORED_SIGNALS, STORED_SIGNAL_MAX_AGE_MS } from "./constants";

/** A signal saved for a later page load: its exact JSON body, never the key it was sent with. */
export interface StoredSignal {
  id: string;
  body: string;
  /** When the signal was first queued; it expires STORED_SIGNAL_MAX_AGE_MS later. */
  queuedAtMs: number;
}

/** FNV-1a, so the storage key tells signals of different keys apart without holding the key. */
function fingerprint(text: string): string {
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
  /** Removes these ids; returns those that were still there (absent: another tab took them), or `null` when storage cannot tell. */
  take(ids: string[]): Set<string> | null;
  /** Removes and returns everything saved (unexpired), under a lock shared by the page's tabs; `null` when another tab holds it. */
  claimAll(): Promise<StoredSignal[] | null>;
}

export function createSignalStore(baseUrl: string, project: string, apiKey: string): SignalStore {
  const key = `kelet:unsent:${baseUrl}|${project}|${fingerprint(apiKey)}`;

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
      const found = new Set<string>();
      const storage = localStorageOrNull();
      if (!storage) return null;
      try {
        const wanted = new Set(ids);
        const rest = read(storage).filter((r) => {
          if (!wanted.has(r.id)) return true;
          found.add(r.id);
          return false;
        });
        if (found.size > 0) write(storage, rest);
      } catch {
        return found.size > 0 ? found : null;
      }
      return found;
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
      if (locks && typeof locks.request === "function") {
        try {
          return await locks.request(lockName, () => claimNow());
        } catch {
          return claimNow();
        }
      }
      // No Web Locks: a lease in storage, checked again after a moment, so only one tab claims at a time.
      const leaseKey = `${lockName}:lease`;
      const owner = Math.random().toString(36).slice(2);
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
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
