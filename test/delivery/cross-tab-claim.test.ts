import { afterEach, expect, it, vi } from "vitest";
import { createSignalStore, type StoredSignal } from "../../src/core/delivery/signal-store";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/**
 * Tabs as Chromium runs them: each reads localStorage from its own copy, and
 * hears of another tab's writes only `lagMs` later (seen in case 10: ~100 ms
 * on a busy machine). Web Locks is one lock manager for every tab.
 */
function createTabs(count: number, lagMs: number) {
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
        vi.stubGlobal("navigator", { locks });
        return work();
      },
    };
  });
}

it("two tabs opened at once take the saved signals once between them, though each sees the other's storage writes late", async () => {
  vi.useFakeTimers();
  const [closed, first, second] = createTabs(3, 100);
  const target = ["https://api.test", "p", "pk_1"] as const;
  const ids = ["s0", "s1", "s2", "s3", "s4"];
  closed!.as(() => createSignalStore(...target).save(ids.map((id, n) => ({ id, body: "{}", queuedAtMs: Date.now() + n }))));
  await vi.advanceTimersByTimeAsync(200); // the closed tab's save has reached both copies

  const claims: Array<Promise<StoredSignal[] | null>> = [
    first!.as(() => createSignalStore(...target).claimAll()),
    second!.as(() => createSignalStore(...target).claimAll()),
  ];
  await vi.advanceTimersByTimeAsync(5000);
  const [a, b] = await Promise.all(claims);
  const taken = [...(a ?? []), ...(b ?? [])].map((r) => r.id).sort();
  expect(taken).toEqual(ids);
});
