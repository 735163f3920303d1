import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers, track } from "./helpers";
import { resetTestTuning, testTuning } from "./tuned-sender";

vi.mock("../../src/core/signal-sender", () => import("./tuned-sender"));

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => localStorage.clear());
afterEach(() => {
  resetTestTuning();
  vi.restoreAllMocks();
  localStorage.clear();
});

async function waitUntil(done: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await realSleep(20);
  }
}

function storageFull() {
  vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  });
}

describe("a signal leaves memory only when delivered, finally refused, or safely saved", () => {
  it.each([
    ["storage is full", { persist: true }, /not saved \(storage is full or unavailable\)/],
    ["persist is off", { persist: false }, /not saved \(persist is off\)/],
  ])("at the blocked-endpoint ceiling with %s, the vote stays in memory and still goes out, before the next one, when the endpoint returns", async (_, settings, why) => {
    storageFull();
    testTuning.blockedEndpointGiveUpMs = 1_000;
    testTuning.firstProbeDelayMs = 100;
    await server.down();
    const onError = vi.fn();
    const { context } = captureContext({ apiKey: "pk_ceiling_memory", project: "p", baseUrl: server.origin, onError, ...settings });
    const first = track(context.feedback({ session_id: "chat", score: 1, trigger_name: "first-vote" }));
    await waitUntil(() => first.settled);
    // Its caller hears the ceiling now, and what happens next.
    expect(first.error?.message).toMatch(/unreachable for 1 seconds/);
    expect(first.error?.message).toMatch(why);
    expect(first.error?.message).toMatch(/kept in memory/);

    await server.up();
    // The browser hears the network again (an ad blocker turned off, say).
    window.dispatchEvent(new Event("online"));
    const second = track(context.feedback({ session_id: "chat", score: 0, trigger_name: "second-vote" }));
    await waitUntil(() => second.settled);
    expect(second.error).toBeUndefined();
    await waitUntil(() => server.accepted().length >= 2);
    expect(server.accepted().map((b) => b.trigger_name)).toEqual(["first-vote", "second-vote"]);
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
