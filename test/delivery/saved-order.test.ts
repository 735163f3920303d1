import { afterEach, describe, expect, it, vi } from "vitest";
import type * as SignalSenderModule from "../../src/core/signal-sender";
import { useSignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers } from "./helpers";

const server = useSignalServer();
const REGISTRY = Symbol.for("kelet.delivery.registry");
const holder = globalThis as Record<symbol, unknown>;
let firstPage: unknown;
afterEach(async () => {
  vi.restoreAllMocks();
  // The first page's registry comes back, so its leftovers are settled too.
  if (firstPage) holder[REGISTRY] = firstPage;
  firstPage = undefined;
  await settleLeftovers(12_000);
  localStorage.clear();
});

/** A fresh copy of the library with a registry of its own: the next page load. */
async function loadPage(): Promise<typeof SignalSenderModule> {
  vi.resetModules();
  return import("../../src/core/signal-sender");
}

const signal = (trigger_name: string) => ({ session_id: "chat-order", kind: "feedback" as const, source: "human" as const, timestamp: "2026-12-02T12:00:00.000Z", trigger_name });
const triggers = () => server.requests.map((request) => JSON.parse(request.body).trigger_name as string);

describe("signals saved for the next visit keep their order", () => {
  it.each([
    ["in the same millisecond", 0],
    ["across a clock jump back", -60_000],
    ["when the tab was hidden before it was closed", 0, true],
  ])("a comment never overtakes its vote on the next visit when both were queued %s", async (_, jumpMs, hiddenFirst = false) => {
    const target = { apiKey: `pk_saved_order_${jumpMs}_${hiddenFirst}`, project: "p", baseUrl: server.origin };
    // The first page's vote is still in flight (a slow answer) when the page is left: its keepalive request
    // outlives the page and is not saved too (that copy would be a duplicate); the comment is saved.
    server.plan({ status: 200, delayMs: 4000 });
    const first = (await loadPage()).createSignalSender(target);
    const releaseFirst = first.start();
    const now = Date.now();
    const clock = vi.spyOn(Date, "now").mockReturnValue(now);
    void first.send(signal("vote")).catch(() => {});
    clock.mockReturnValue(now + jumpMs);
    void first.send(signal("comment")).catch(() => {});
    await server.waitForRequests(1);
    if (hiddenFirst) {
      // Hidden: the comment is saved, the vote's request may still finish; then closed.
      Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
      Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    }
    window.dispatchEvent(new Event("pagehide"));
    releaseFirst();
    clock.mockRestore();

    // The next visit (another tab, or this one reloaded) sends what was saved, in the order it was queued.
    firstPage = holder[REGISTRY];
    delete holder[REGISTRY];
    const second = (await loadPage()).createSignalSender(target);
    const releaseSecond = second.start();
    await server.waitForRequests(2);
    await realSleep(300);
    expect(triggers()).toEqual(["vote", "comment"]);
    releaseSecond();
  }, 20_000);
});
