import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { captureContext } from "../support/capture-context";
import { startSignalServer, type SignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers, track } from "../delivery/helpers";

let blocked: SignalServer;
let healthy: SignalServer;
beforeEach(async () => {
  localStorage.clear();
  blocked = await startSignalServer({ listening: false });
  healthy = await startSignalServer();
});
afterEach(async () => {
  await blocked.up();
  await settleLeftovers();
  await blocked.close();
  await healthy.close();
  localStorage.clear();
  vi.restoreAllMocks();
});

describe("one host blocked, another reachable", () => {
  it("a signal to a reachable host is sent within a few seconds while another project's host refuses connections", async () => {
    const a = captureContext({ apiKey: "pk_blocked_host", project: "a", baseUrl: blocked.origin, onError: vi.fn() });
    const b = captureContext({ apiKey: "pk_healthy_host", project: "b", baseUrl: healthy.origin, onError: vi.fn() });
    void a.context.feedback({ session_id: "to-blocked-1", score: 1 }).catch(() => {});
    void a.context.feedback({ session_id: "to-blocked-2", score: 1 }).catch(() => {});
    await realSleep(600);
    const ok = track(b.context.feedback({ session_id: "to-healthy", score: 1 }));
    const deadline = Date.now() + 6000;
    while (!ok.settled && Date.now() < deadline) await realSleep(20);
    expect(ok.settled).toBe(true);
    expect(ok.error).toBeUndefined();
  }, 15_000);
});
