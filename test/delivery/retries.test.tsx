import { afterEach, describe, expect, it, vi } from "vitest";
import { BASE_RETRY_DELAY_MS, MAX_ATTEMPTS, REQUEST_TIMEOUT_MS } from "../../src/core/delivery/constants";
import { resetTestTuning, testTuning } from "./tuned-sender";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { advanceUntil, track, trackLibraryTimers, useFakeClock, useRealClock, settleLeftovers } from "./helpers";

vi.mock("../../src/core/signal-sender", () => import("./tuned-sender"));

const server = useSignalServer();
afterEach(() => settleLeftovers());
afterEach(() => {
  useRealClock();
  resetTestTuning();
});

function provider(onError = vi.fn()) {
  const { context, view } = captureContext({ apiKey: "pk_retry", project: "p", baseUrl: server.origin, onError });
  return { feedback: context.feedback, onError, view };
}

describe("retries against a real server", () => {
  it("case 1: delivers once after 503, 503, 200, waiting within the backoff bounds (real time)", async () => {
    server.plan(503, 503, 200);
    const { feedback, onError } = provider();
    await feedback({ session_id: "s1", score: 1 });
    expect(server.requests.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(server.accepted()).toHaveLength(1);
    const [first, second, third] = server.requests;
    const wait1 = second!.receivedAtMs - first!.receivedAtMs;
    const wait2 = third!.receivedAtMs - second!.receivedAtMs;
    // Equal jitter: retry n waits between half and all of BASE * 2^(n-1); never earlier, up to 300 ms late on a busy machine.
    expect(wait1).toBeGreaterThanOrEqual(BASE_RETRY_DELAY_MS / 2 - 5);
    expect(wait1).toBeLessThanOrEqual(BASE_RETRY_DELAY_MS + 300);
    expect(wait2).toBeGreaterThanOrEqual(BASE_RETRY_DELAY_MS - 5);
    expect(wait2).toBeLessThanOrEqual(2 * BASE_RETRY_DELAY_MS + 300);
    expect(onError).not.toHaveBeenCalled();
  });

  it("sends the identical body, timestamp included, on every retry", async () => {
    server.plan(500, 502, 504, 408, 200);
    const { feedback } = provider();
    await feedback({ session_id: "same-body", score: 0, value: "too long" });
    expect(server.requests).toHaveLength(5);
    expect(new Set(server.requests.map((r) => r.body)).size).toBe(1);
  });

  it("case 2: obeys 429 Retry-After: 2 — nothing is sent before the wait ends (real time)", async () => {
    server.plan({ status: 429, headers: { "Retry-After": "2" } });
    const { feedback } = provider();
    await feedback({ session_id: "s2", score: 1 });
    const [first, second] = server.requests;
    expect(server.requests).toHaveLength(2);
    expect(second!.receivedAtMs - first!.receivedAtMs).toBeGreaterThanOrEqual(1995);
    expect(server.accepted()).toHaveLength(1);
  });

  it("case 2: obeys 429 Retry-After given as an HTTP date (real time)", async () => {
    const retryAt = new Date(Date.now() + 2000).toUTCString();
    server.plan({ status: 429, headers: { "Retry-After": retryAt } });
    const { feedback } = provider();
    await feedback({ session_id: "s2-date", score: 1 });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.receivedAtMs).toBeGreaterThanOrEqual(Date.parse(retryAt) - 5);
    expect(server.accepted()).toHaveLength(1);
  });

  it.each([400, 401, 403, 404, 422])("case 3: a final %i makes exactly one request, tells onError once and throws nothing into React", async (status) => {
    server.plan(status);
    const { feedback, onError } = provider();
    await expect(feedback({ session_id: "s3", score: 1 })).rejects.toThrow(/^Failed to submit feedback: /);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.requests).toHaveLength(1);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("case 4: a 413 is not resent and is reported", async () => {
    server.plan({ status: 413, statusText: "Payload Too Large" });
    const { feedback, onError } = provider();
    await expect(feedback({ session_id: "s4", score: 0, value: "x" })).rejects.toThrow("Failed to submit feedback: Payload Too Large");
    await new Promise((r) => setTimeout(r, 300));
    expect(server.requests).toHaveLength(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![1]).toMatchObject({ session_id: "s4" });
  });

  it("case 6: 500 on every attempt stops at the attempt limit within 60 s, reports one error and leaves no timer", async () => {
    useFakeClock();
    const timers = trackLibraryTimers();
    server.plan(...Array(MAX_ATTEMPTS + 5).fill({ status: 500, statusText: "Internal Server Error" }));
    const { feedback, onError } = provider();
    const result = track(feedback({ session_id: "s6", score: 1 }));
    await advanceUntil(() => server.requests.length === 2);
    expect(timers.live()).toBeGreaterThan(0);
    const fakeMs = await advanceUntil(() => result.settled);
    expect(result.error?.message).toBe("Failed to submit feedback: Internal Server Error");
    expect(fakeMs).toBeLessThan(60_000);
    expect(server.requests).toHaveLength(MAX_ATTEMPTS);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(timers.live()).toBe(0);
  });

  it("settles within 60 s even when the server keeps asking to retry after 20 s", async () => {
    useFakeClock();
    server.plan(...Array(MAX_ATTEMPTS).fill({ status: 503, statusText: "Service Unavailable", headers: { "Retry-After": "3600" } }));
    const { feedback, onError } = provider();
    const result = track(feedback({ session_id: "s6b", score: 1 }));
    const fakeMs = await advanceUntil(() => result.settled, { stepMs: 500 });
    expect(result.error?.message).toBe("Failed to submit feedback: Service Unavailable");
    expect(fakeMs).toBeLessThan(60_000);
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("case 7: a hanging request is aborted at the time-out and retried, then delivered (real time)", async () => {
    testTuning.requestTimeoutMs = 400;
    server.plan("hang");
    const { feedback, onError } = provider();
    const startedMs = Date.now();
    await feedback({ session_id: "s7", score: 1 });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.receivedAtMs - startedMs).toBeGreaterThanOrEqual(400);
    expect(server.accepted()).toEqual([JSON.parse(server.requests[0]!.body)]);
    expect(onError).not.toHaveBeenCalled();
  });

  it("case 7: the production time-out is at most 15 s and a hang is retried after it", async () => {
    expect(REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(15_000);
    useFakeClock();
    server.plan("hang");
    const { feedback } = provider();
    const result = track(feedback({ session_id: "s7-default", score: 1 }));
    await advanceUntil(() => server.requests.length === 1);
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 100);
    expect(server.requests).toHaveLength(1);
    await advanceUntil(() => result.settled);
    expect(result.error).toBeUndefined();
    expect(server.requests).toHaveLength(2);
  });
});
