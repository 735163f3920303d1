import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_ATTEMPTS } from "../../src/core/delivery/constants";
import { resetTestTuning, testTuning } from "./tuned-sender";
import { captureContext } from "../support/capture-context";
import { startSignalServer, type SignalServer } from "../support/signal-server";
import { advanceFor, advanceUntil, realSleep, track, useFakeClock, useRealClock, settleLeftovers } from "./helpers";

vi.mock("../../src/core/signal-sender", () => import("./tuned-sender"));

let server: SignalServer;
afterEach(async () => {
  useRealClock();
  resetTestTuning();
  await server.close();
});
afterEach(() => settleLeftovers());

/** Counts what the page really tried to send, including connections the server never saw. */
function countFetchCalls() {
  const realFetch = globalThis.fetch;
  const calls: Array<{ ok: boolean | "network-error" }> = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    try {
      const response = await realFetch(url, init);
      calls.push({ ok: response.ok });
      return response;
    } catch (error) {
      calls.push({ ok: "network-error" });
      throw error;
    }
  });
  return calls;
}

function setBrowserOnline(online: boolean) {
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(online);
  window.dispatchEvent(new Event(online ? "online" : "offline"));
}

function provider(onError = vi.fn()) {
  const { context, view } = captureContext({ apiKey: "pk_offline", project: "p", baseUrl: server.origin, onError, debug: !!process.env.DBG });
  return { feedback: context.feedback, onError, view };
}

describe("offline is not failure", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("case 5: connection refused twice (server not listening yet), then up: delivered once", async () => {
    server = await startSignalServer({ listening: false });
    const calls = countFetchCalls();
    const { feedback, onError } = provider();
    const result = track(feedback({ session_id: "s5", score: 1 }));
    while (calls.length < 2) await realSleep(20);
    expect(calls).toEqual([{ ok: "network-error" }, { ok: "network-error" }]);
    await server.up();
    while (!result.settled) await realSleep(20);
    expect(result.error).toBeUndefined();
    expect(server.accepted()).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it("case 8: while the browser is offline nothing is sent; everything goes out once on reconnection", async () => {
    server = await startSignalServer();
    const calls = countFetchCalls();
    const { feedback, onError } = provider();
    setBrowserOnline(false);
    const results = [1, 2, 3].map((n) => track(feedback({ session_id: `s8-${n}`, score: 1 })));
    await realSleep(1500);
    expect(calls).toHaveLength(0);
    setBrowserOnline(true);
    while (!results.every((r) => r.settled)) await realSleep(20);
    expect(results.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
    expect(server.accepted().map((b) => b.session_id).sort()).toEqual(["s8-1", "s8-2", "s8-3"]);
    expect(server.requests).toHaveLength(3);
    expect(onError).not.toHaveBeenCalled();
  });

  it("case 8: with onLine true but the network down, no attempts are burned and all is delivered after reconnection", async () => {
    server = await startSignalServer();
    await server.down();
    useFakeClock();
    const calls = countFetchCalls();
    const { feedback, onError } = provider();
    const results = [1, 2, 3].map((n) => track(feedback({ session_id: `s8b-${n}`, score: 1 })));
    // A minute of outage: the queue probes with growing gaps instead of retrying each signal.
    await advanceFor(60_000);
    // 3 first tries, then one probe at about 1, 3, 7, 15, 31 s and so on.
    expect(calls.length).toBeGreaterThanOrEqual(5);
    expect(calls.length).toBeLessThanOrEqual(10);
    expect(calls.every((c) => c.ok === "network-error")).toBe(true);
    expect(results.some((r) => r.settled)).toBe(false);
    // Back up, but flaky: the first signal still has its whole retry budget.
    await server.up();
    server.plan(...Array(MAX_ATTEMPTS - 1).fill(500));
    await advanceUntil(() => results.every((r) => r.settled), { stepMs: 250 });
    expect(results.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
    expect(server.accepted().map((b) => b.session_id).sort()).toEqual(["s8b-1", "s8b-2", "s8b-3"]);
    expect(onError).not.toHaveBeenCalled();
  });

  it("case 8: a full queue drops the oldest signals and reports how many", async () => {
    server = await startSignalServer();
    testTuning.maxQueuedSignals = 5;
    const { feedback, onError } = provider();
    setBrowserOnline(false);
    const results = Array.from({ length: 8 }, (_, n) => track(feedback({ session_id: `s8c-${n}`, score: 1 })));
    await realSleep(10);
    expect(results.slice(0, 3).map((r) => r.error?.message)).toEqual([
      "Failed to submit feedback: queue full, dropped the oldest signal (1 dropped so far)",
      "Failed to submit feedback: queue full, dropped the oldest signal (2 dropped so far)",
      "Failed to submit feedback: queue full, dropped the oldest signal (3 dropped so far)",
    ]);
    expect(onError).toHaveBeenCalledTimes(3);
    expect(onError.mock.calls.map((call) => call[1].session_id)).toEqual(["s8c-0", "s8c-1", "s8c-2"]);
    setBrowserOnline(true);
    while (!results.every((r) => r.settled)) await realSleep(20);
    expect(server.accepted().map((b) => b.session_id).sort()).toEqual(["s8c-3", "s8c-4", "s8c-5", "s8c-6", "s8c-7"]);
  });
});
