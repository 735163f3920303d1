import { afterEach, describe, expect, it, vi } from "vitest";
import { SignalValidationError } from "../../src/core/errors";
import type { FeedbackData } from "../../src/core/signal";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers } from "./helpers";

const server = useSignalServer();
afterEach(() => settleLeftovers());

describe("case 12: invalid signals", () => {
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  it.each<[string, FeedbackData, string]>([
    ["score 1.5", { session_id: "s", score: 1.5 }, "score"],
    ["NaN confidence", { session_id: "s", confidence: Number.NaN }, "confidence"],
    ["an empty session id", { session_id: "" }, "session_id"],
    ["circular metadata", { session_id: "s", metadata: circular }, "metadata"],
    ["an unknown kind", { session_id: "s", kind: "thumbs" as never }, "kind"],
  ])("rejects %s at once with the field named, and makes no request", async (_, signal, field) => {
    const onError = vi.fn();
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const { context } = captureContext({ apiKey: "pk_valid", project: "p", baseUrl: server.origin, onError });
    let settledSync: unknown;
    const promise = context.feedback(signal);
    promise.catch((error: unknown) => (settledSync = error));
    await Promise.resolve();
    await Promise.resolve();
    // Rejected before any I/O could happen: validation is synchronous.
    expect(settledSync).toBeInstanceOf(SignalValidationError);
    expect((settledSync as SignalValidationError).field).toBe(field);
    expect((settledSync as Error).message).toContain(`"${field}"`);
    expect(fetchSpy).not.toHaveBeenCalled();
    await realSleep(50);
    expect(server.requests).toHaveLength(0);
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe("case 14: a burst", () => {
  it("delivers 1,000 signals sent at once, each once and in order per session, while the page keeps responding", async () => {
    const onError = vi.fn();
    const { context } = captureContext({ apiKey: "pk_burst", project: "p", baseUrl: server.origin, onError });
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 20);
    const startedMs = Date.now();
    const sends = Array.from({ length: 1000 }, (_, n) =>
      context.feedback({ session_id: `burst-${n % 10}`, score: n % 2, metadata: { seq: n } }),
    );
    await Promise.all(sends);
    const elapsedMs = Date.now() - startedMs;
    clearInterval(ticker);

    const bodies = server.accepted();
    expect(bodies).toHaveLength(1000);
    const seqs = bodies.map((b) => (b.metadata as { seq: number }).seq);
    expect(new Set(seqs).size).toBe(1000);
    for (let session = 0; session < 10; session++) {
      const inSession = bodies.filter((b) => b.session_id === `burst-${session}`).map((b) => (b.metadata as { seq: number }).seq);
      expect(inSession).toEqual([...inSession].sort((a, b) => a - b));
    }
    expect(onError).not.toHaveBeenCalled();
    // Timers kept firing during delivery: the work never blocked the event loop for long.
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsedMs / 20 / 3));
  });
});
