import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { createKeletClient } from "../../src/core/client";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers, track } from "./helpers";

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => {
  localStorage.clear();
  resetLogOnce();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
});

const ZERO_WIDTH_SPACE = "\u200b";

/** Waits (real time) until the promise has settled, or fails after `ms`. */
async function settledWithin<T>(result: ReturnType<typeof track<T>>, ms: number) {
  const deadline = Date.now() + ms;
  while (!result.settled && Date.now() < deadline) await realSleep(10);
  return result;
}

/** A healthy provider of another project on the same page: it must not be held back by the broken one. */
async function healthyProviderDeliversAtOnce() {
  const healthy = captureContext({ apiKey: "pk_healthy", project: "other", baseUrl: server.origin });
  const result = await settledWithin(track(healthy.context.feedback({ session_id: "healthy", score: 1 })), 2000);
  expect(result.settled).toBe(true);
  expect(result.error).toBeUndefined();
  healthy.view.unmount();
}

function leavePage() {
  window.dispatchEvent(new Event("pagehide"));
}

const savedKeys = () => Object.keys(localStorage).filter((key) => key.startsWith("kelet:unsent:"));

describe("a request that could not even be made is a configuration error, not offline", () => {
  it("a key with a pasted zero-width space is rejected at once, named, never saved, and other projects keep sending", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const onError = vi.fn();
    const broken = captureContext({ apiKey: `pk_abc${ZERO_WIDTH_SPACE}def`, project: "p", baseUrl: server.origin, onError });
    const result = await settledWithin(track(broken.context.feedback({ session_id: "zwsp", score: 1 })), 1000);
    expect(result.settled).toBe(true);
    expect(result.error?.message).toMatch(/U\+200B/);
    expect(result.error?.message).toMatch(/apiKey/);
    expect(onError).toHaveBeenCalledTimes(1);
    leavePage();
    expect(savedKeys()).toEqual([]);
    await healthyProviderDeliversAtOnce();
    expect(server.accepted().map((b) => b.session_id)).toEqual(["healthy"]);
  });

  it("the developer is told which character is wrong when the provider is configured", () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    captureContext({ apiKey: `pk_abc${ZERO_WIDTH_SPACE}def`, project: "p", baseUrl: server.origin });
    expect(consoleError.mock.calls.map((call) => call.join(" ")).join("\n")).toMatch(/apiKey.*U\+200B/);
  });

  it("a /core client with an unparseable baseUrl is told at configuration and its signals reject at once", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const kelet = createKeletClient({ apiKey: "pk_url", project: "p", baseUrl: "http://[::1", onError: () => {} });
    expect(consoleError.mock.calls.map((call) => call.join(" ")).join("\n")).toMatch(/baseUrl/);
    const result = await settledWithin(track(kelet.signal({ session_id: "bad-url", score: 1 })), 1000);
    expect(result.error?.message).toMatch(/baseUrl/);
    leavePage();
    expect(savedKeys()).toEqual([]);
    kelet.close();
    await healthyProviderDeliversAtOnce();
  });

  it("a fetch prop that throws synchronously rejects at once with what it threw", async () => {
    const onError = vi.fn();
    const throwing = () => {
      throw new Error("proxy is not configured");
    };
    const broken = captureContext({ apiKey: "pk_throwing_fetch", project: "p", baseUrl: server.origin, onError, fetch: throwing });
    const result = await settledWithin(track(broken.context.feedback({ session_id: "sync-throw", score: 1 })), 1000);
    expect(result.error?.message).toMatch(/proxy is not configured/);
    leavePage();
    expect(savedKeys()).toEqual([]);
    await healthyProviderDeliversAtOnce();
  });

  it("a page with no fetch at all rejects at once saying so, and sends nothing", async () => {
    const realFetch = globalThis.fetch;
    vi.stubGlobal("fetch", undefined);
    const broken = captureContext({ apiKey: "pk_no_fetch", project: "p", baseUrl: server.origin, onError: () => {} });
    const result = await settledWithin(track(broken.context.feedback({ session_id: "no-fetch", score: 1 })), 1000);
    expect(result.error?.message).toMatch(/No fetch available/);
    leavePage();
    expect(savedKeys()).toEqual([]);
    vi.stubGlobal("fetch", realFetch);
    await healthyProviderDeliversAtOnce();
  });
});
