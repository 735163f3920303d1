import { afterEach, describe, expect, it, vi } from "vitest";
import { createSignalSender } from "../../src/core/signal-sender";
import { useSignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers, track } from "./helpers";

const server = useSignalServer();
afterEach(() => {
  vi.restoreAllMocks();
  return settleLeftovers();
});

const signal = (session_id: string) => ({ session_id, kind: "feedback" as const, source: "human" as const, timestamp: "2026-12-02T12:00:00.000Z" });

/** The device's wall clock moves by `byMs` from now on (NTP, a user setting the time); real time goes on as before. */
function jumpWallClock(byMs: number) {
  const realNow = Date.now.bind(Date);
  vi.spyOn(Date, "now").mockImplementation(() => realNow() + byMs);
}

describe("waits are measured on a clock that never jumps", () => {
  it("a clock jump forward does not cut short the server's Retry-After", async () => {
    server.plan({ status: 429, headers: { "Retry-After": "2" } });
    const sender = createSignalSender({ apiKey: "pk_jump_forward", project: "p", baseUrl: server.origin });
    const release = sender.start();
    const result = track(sender.send(signal("jump-forward")));
    await server.waitForRequests(1);
    await realSleep(50); // the 429 is read: the retry waits 2 s
    jumpWallClock(60_000);
    // Another session's signal comes and goes meanwhile: the queue looks again at what may start.
    await sender.send(signal("another-chat"));
    while (!result.settled) await realSleep(20);
    const [first, retry] = server.requests.filter((request) => JSON.parse(request.body).session_id == "jump-forward");
    // The server's own clock (in this process) jumped with the page's: the real gap is the stamps' minus the jump.
    expect(retry!.receivedAtMs - first!.receivedAtMs - 60_000).toBeGreaterThanOrEqual(1900);
    expect(result.error).toBeUndefined();
    release();
  });

  it("a clock moved back an hour does not hold a retry for an hour", async () => {
    server.plan({ status: 503, headers: { "Retry-After": "1" } });
    const sender = createSignalSender({ apiKey: "pk_jump_back", project: "p", baseUrl: server.origin });
    const release = sender.start();
    const result = track(sender.send(signal("jump-back")));
    await server.waitForRequests(1);
    await realSleep(50);
    jumpWallClock(-3_600_000);
    const deadline = performance.now() + 6000;
    while (!result.settled && performance.now() < deadline) await realSleep(20);
    expect(server.requests).toHaveLength(2);
    expect(result.error).toBeUndefined();
    release();
  }, 15_000);
});
