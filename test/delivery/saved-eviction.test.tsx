import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FeedbackData } from "../../src/core/signal";
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

function setBrowserOnline(online: boolean) {
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(online);
  window.dispatchEvent(new Event(online ? "online" : "offline"));
}

/** About 30 KB of typed text: 18 of them are over the 512 KiB storage cap. */
const bigEdit = (session: string): FeedbackData => ({ session_id: session, kind: "edit", value: "x".repeat(30_000) });

const savedSessions = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith("kelet:unsent:"))
    .flatMap((key) => (JSON.parse(localStorage.getItem(key)!) as Array<{ body: string }>).map((r) => JSON.parse(r.body).session_id as string));

/** Sends `count` signals that wait out the blocked-endpoint ceiling; returns their results. */
async function giveUpAtTheCeiling(feedback: (data: FeedbackData) => Promise<void>, prefix: string, count: number) {
  const results = Array.from({ length: count }, (_, n) => track(feedback(bigEdit(`${prefix}-${n}`))));
  await waitUntil(() => results.every((r) => r.settled));
  return results;
}

describe("a signal reported as saved for the next visit", () => {
  beforeEach(async () => {
    testTuning.blockedEndpointGiveUpMs = 800;
    testTuning.firstProbeDelayMs = 100;
    await server.down();
  });

  it("is evicted last: an offline spell that fills storage evicts newer unsent signals first, which stay in memory", async () => {
    const onError = vi.fn();
    const { context } = captureContext({ apiKey: "pk_evict_last", project: "p", baseUrl: server.origin, onError });
    const [reported] = await giveUpAtTheCeiling(context.feedback, "reported", 1);
    expect(reported!.error?.message).toMatch(/saved for the next visit$/);
    expect(savedSessions()).toEqual(["reported-0"]);

    setBrowserOnline(false);
    const later = Array.from({ length: 20 }, (_, n) => track(context.feedback(bigEdit(`later-${n}`))));
    window.dispatchEvent(new Event("pagehide"));
    expect(savedSessions()).toContain("reported-0");
    expect(onError).toHaveBeenCalledTimes(1);

    // The unsaved ones are still delivered from memory.
    await server.up();
    setBrowserOnline(true);
    await waitUntil(() => later.every((r) => r.settled), 15_000);
    expect(later.map((r) => r.error)).toEqual(later.map(() => undefined));
  });

  it("if evicted anyway, onError hears it again with the true outcome", async () => {
    const onError = vi.fn();
    const { context } = captureContext({ apiKey: "pk_evict_reported", project: "p", baseUrl: server.origin, onError });
    await giveUpAtTheCeiling(context.feedback, "first-spell", 10);
    // Browser back online but still blocked: a second spell of 10 more; together they are over the byte cap.
    await giveUpAtTheCeiling(context.feedback, "second-spell", 10);
    const saved = new Set(savedSessions());
    const evicted = Array.from({ length: 10 }, (_, n) => `first-spell-${n}`).filter((session) => !saved.has(session));
    expect(evicted.length).toBeGreaterThan(0);
    for (const session of evicted) {
      const reports = onError.mock.calls.filter(([, signal]) => signal.session_id == session).map(([error]) => (error as Error).message);
      expect(reports).toHaveLength(2);
      expect(reports[0]).toMatch(/saved for the next visit$/);
      expect(reports[1]).toMatch(/dropped .*saved for the next visit.*will not be sent/);
    }
  });
});
