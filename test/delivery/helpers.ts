import { cleanup } from "@testing-library/react";
import { vi } from "vitest";

// Real time for waiting on the network while the queue's own timers are fake.
const realSetTimeout = globalThis.setTimeout;
export const realSleep = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));

/** Fakes only the clock and timeouts, so sockets and the server keep working. Undo with {@link useRealClock}. */
export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
}

const trackers: Array<() => void> = [];

/** Removes timer tracking, then real timers again (in that order, or the fakes library loses the originals). */
export function useRealClock(): void {
  for (const restore of trackers.splice(0).reverse()) restore();
  vi.useRealTimers();
}

/**
 * Moves fake time forward in steps, letting real network I/O happen between
 * steps, until `done()` is true. Returns the fake time that passed.
 */
export async function advanceUntil(done: () => boolean, { stepMs = 50, maxMs = 120_000 } = {}): Promise<number> {
  let passedMs = 0;
  while (!done()) {
    if (passedMs > maxMs) throw new Error(`still not done after ${maxMs} ms of fake time`);
    await realSleep(2);
    await vi.advanceTimersByTimeAsync(stepMs);
    passedMs += stepMs;
  }
  return passedMs;
}

/** Tracks whether a promise has settled, without leaving a rejection unhandled. */
export function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: Error } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: Error) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

/**
 * Counts the timers the library's own code has pending (those set from
 * src/core), leaving out the HTTP client's internal timers. Call after
 * faking or stubbing timers; restored by vi.restoreAllMocks / useRealTimers.
 */
export function trackLibraryTimers() {
  const pending = new Map<unknown, string>();
  const originalSet = globalThis.setTimeout;
  const originalClear = globalThis.clearTimeout;
  // Set by library code itself (the frame that called setTimeout), not by jsdom or the HTTP client underneath it.
  const fromLibrary = () => /[\\/]src[\\/]core[\\/]/.test((new Error().stack ?? "").split("\n")[3] ?? "");
  const wrappedSet = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const own = fromLibrary();
    const id = originalSet(
      (...callArgs: unknown[]) => {
        pending.delete(id);
        callback(...callArgs);
      },
      ms,
      ...args,
    );
    if (own) pending.set(id, new Error().stack ?? "");
    return id;
  }) as typeof setTimeout;
  const wrappedClear = ((id: Parameters<typeof clearTimeout>[0]) => {
    pending.delete(id);
    originalClear(id);
  }) as typeof clearTimeout;
  globalThis.setTimeout = wrappedSet;
  globalThis.clearTimeout = wrappedClear;
  const restore = () => {
    if (globalThis.setTimeout === wrappedSet) globalThis.setTimeout = originalSet;
    if (globalThis.clearTimeout === wrappedClear) globalThis.clearTimeout = originalClear;
  };
  trackers.push(restore);
  return { live: () => pending.size, stacks: () => [...pending.values()] };
}

/** Moves fake time forward by `totalMs` in steps, letting real network I/O happen between steps. */
export async function advanceFor(totalMs: number, stepMs = 250): Promise<void> {
  for (let passedMs = 0; passedMs < totalMs; passedMs += stepMs) {
    await realSleep(2);
    await vi.advanceTimersByTimeAsync(stepMs);
  }
}

/**
 * Delivery is page-wide and outlives providers until its signals settle, so a
 * test that leaves signals waiting (offline, say) would slow the next one
 * down. Brings the browser back online and waits until every queue of the
 * page has settled and left; fails when one does not (a stranded signal).
 * Call from an `afterEach` registered after the server's, so it runs first.
 */
export async function settleLeftovers(timeoutMs = 8000): Promise<void> {
  useRealClock();
  cleanup(); // providers release their queues

  const registry = (globalThis as Record<symbol, { queues: Map<string, unknown> } | undefined>)[Symbol.for("kelet.delivery.registry")];
  if (!registry || registry.queues.size === 0) return;
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(true);
  window.dispatchEvent(new Event("online"));
  const deadline = Date.now() + timeoutMs;
  while (registry.queues.size > 0) {
    if (Date.now() > deadline) throw new Error(`signals still waiting after the test: ${[...registry.queues.keys()].join(", ")}`);
    await realSleep(20);
  }
}
