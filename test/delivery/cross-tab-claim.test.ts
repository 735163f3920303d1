import { afterEach, expect, it, vi } from "vitest";
import type { QueueEntry } from "../../src/core/delivery/queue-entries";
import { createSignalStore, destinationKey, type StoredSignal } from "../../src/core/delivery/signal-store";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/**
 * Tabs as Chromium runs them: each reads localStorage from its own copy, and
 * hears of another tab's writes only `lagMs` later (seen in case 10: ~100 ms
 * on a busy machine). Web Locks is one lock manager for every tab.
 */
function createTabs(count: number, lagMs: number, withLocks: boolean) {
  const copies = Array.from({ length: count }, () => new Map<string, string>());
  const storageOf = (own: Map<string, string>) => {
    const write = (key: string, value: string | null) => {
      if (value === null) own.delete(key);
      else own.set(key, value);
      for (const other of copies) {
        if (other === own) continue;
        setTimeout(() => (value === null ? other.delete(key) : other.set(key, value)), lagMs);
      }
    };
    return {
      getItem: (key: string) => own.get(key) ?? null,
      setItem: (key: string, value: string) => write(key, String(value)),
      removeItem: (key: string) => write(key, null),
    };
  };
  let held: Promise<unknown> = Promise.resolve();
  return copies.map((copy) => {
    const storage = storageOf(copy);
    const enter = () => vi.stubGlobal("localStorage", storage);
    // One exclusive lock, granted in request order; the holder's callback runs with its own tab's storage.
    const locks = {
      request(_name: string, callback: () => unknown) {
        const granted = held.then(() => {
          enter();
          return callback();
        });
        held = granted.catch(() => {});
        return granted;
      },
    };
    return {
      storage,
      /** Runs `work` as this tab: its storage and its navigator.locks. */
      as<T>(work: () => T): T {
        enter();
        vi.stubGlobal("navigator", withLocks ? { locks } : {});
        return work();
      },
    };
  });
}

// Web Locks only: without them each tab's lease loop resumes after a timer, where this harness cannot tell whose
// storage it reads; the no-Web-Locks hand-over runs in real Chromium instead (case 10, `?nolocks`).
for (const withLocks of [true]) {
  it(`two tabs opened at once take the saved signals once between them, though each sees the other's storage writes late${withLocks ? "" : " (no Web Locks)"}`, async () => {
    vi.useFakeTimers();
    const [closed, first, second] = createTabs(3, 100, withLocks);
    const destination = destinationKey({ baseUrl: "https://api.test", project: "p", apiKey: "pk_1" });
    const ids = ["s0", "s1", "s2", "s3", "s4"];
    const saved = ids.map((id, n) => ({ id, body: "{}", queuedAtMs: Date.now() + n, stored: false, settled: false }) as unknown as QueueEntry);
    closed!.as(() => createSignalStore(destination, "closed").save(saved));
    await vi.advanceTimersByTimeAsync(200); // the closed tab's save has reached both copies

    const claims: Array<Promise<StoredSignal[] | null>> = [
      first!.as(() => createSignalStore(destination, "first").claimAll()),
      second!.as(() => createSignalStore(destination, "second").claimAll()),
    ];
    await vi.advanceTimersByTimeAsync(5000);
    const [a, b] = await Promise.all(claims);
    const taken = [...(a ?? []), ...(b ?? [])].map((r) => r.id).sort();
    expect(taken).toEqual(ids);
  });
}
