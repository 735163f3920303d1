import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KeletProvider } from "../../src/index";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers, track } from "../delivery/helpers";
import { waitUntil, setBrowserOnline } from "./page-events";

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => localStorage.clear());
afterEach(() => {
  vi.restoreAllMocks();
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
  localStorage.clear();
});

function hideTab() {
  Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
}
function showTab() {
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
}
function closePage() {
  hideTab();
  window.dispatchEvent(new Event("pagehide"));
}
const savedText = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith("kelet:unsent:"))
    .map((key) => localStorage.getItem(key) ?? "")
    .join("\n");
const acceptedFor = (session: string) => server.accepted().filter((b) => b.session_id == session).length;
const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("hiding the tab with persist off", () => {
  it("with persist off, my vote waiting for its Retry-After is not rejected when I only switch tabs, and resolves once it is delivered", async () => {
    server.plan({ status: 429, headers: { "Retry-After": "1" } });
    const onError = vi.fn();
    const { context } = captureContext({ apiKey: "pk_hide_only", project: "p", baseUrl: server.origin, persist: false, onError });
    const vote = track(context.feedback({ session_id: "switch", score: 1 }));
    await waitUntil(() => server.requests.length == 1);
    await realSleep(50);
    hideTab();
    await realSleep(100);
    expect(vote.settled).toBe(false);
    await waitUntil(() => vote.settled, 5000);
    expect(vote.error).toBeUndefined();
    expect(onError).not.toHaveBeenCalled();
    expect(server.requests[1]!.receivedAtMs - server.requests[0]!.receivedAtMs).toBeGreaterThanOrEqual(950);
  });
});

describe("saved copies of signals that went out after all", () => {
  it("a vote saved when I hid the tab offline, then sent when I came back online, is not sent again on my next visit", async () => {
    const first = captureContext({ apiKey: "pk_hidden_back", project: "p", baseUrl: server.origin, onError: vi.fn() });
    setBrowserOnline(false);
    const vote = track(first.context.feedback({ session_id: "back-once", score: 1 }));
    hideTab();
    expect(savedText()).toContain("back-once");
    showTab();
    setBrowserOnline(true);
    await waitUntil(() => acceptedFor("back-once") == 1, 8000);
    await waitUntil(() => vote.settled);
    await realSleep(300);
    first.view.unmount();
    render(<KeletProvider apiKey="pk_hidden_back" project="p" baseUrl={server.origin} />);
    await realSleep(1500);
    expect(acceptedFor("back-once")).toBe(1);
  });

  it("a vote whose request was on its way when I closed the page, and was accepted, is not sent again on my next visit", async () => {
    server.plan({ status: 200, delayMs: 400 });
    const first = captureContext({ apiKey: "pk_inflight_close", project: "p", baseUrl: server.origin, onError: vi.fn() });
    const vote = track(first.context.feedback({ session_id: "inflight", score: 1 }));
    await waitUntil(() => server.requests.length == 1);
    closePage();
    await waitUntil(() => vote.settled, 5000);
    expect(vote.error).toBeUndefined();
    await realSleep(200);
    first.view.unmount();
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    render(<KeletProvider apiKey="pk_inflight_close" project="p" baseUrl={server.origin} />);
    await realSleep(1500);
    expect(acceptedFor("inflight")).toBe(1);
  });
});

describe("the keepalive budget at page close", () => {
  it("closing the page with ten large edits waiting never puts more than 60,000 bytes in keepalive flight, and the next visit sends the rest, each once", async () => {
    const inFlight = { bytes: 0, count: 0, peakBytes: 0, peakCount: 0 };
    const recordingFetch = async (url: string, init: RequestInit & { keepalive?: boolean }) => {
      if (!init.keepalive) return globalThis.fetch(url, init);
      const size = bytes(String(init.body));
      inFlight.bytes += size;
      inFlight.count += 1;
      inFlight.peakBytes = Math.max(inFlight.peakBytes, inFlight.bytes);
      inFlight.peakCount = Math.max(inFlight.peakCount, inFlight.count);
      try {
        return await globalThis.fetch(url, init);
      } finally {
        inFlight.bytes -= size;
        inFlight.count -= 1;
      }
    };
    const first = captureContext({ apiKey: "pk_budget", project: "p", baseUrl: server.origin, fetch: recordingFetch as never, onError: vi.fn() });
    setBrowserOnline(false);
    const sessions = Array.from({ length: 10 }, (_, n) => `big-${n}`);
    for (const session of sessions) void first.context.feedback({ session_id: session, kind: "edit", value: "é".repeat(9_000) }).catch(() => {});
    setBrowserOnline(true);
    closePage();
    await realSleep(800);
    expect(inFlight.peakBytes).toBeLessThanOrEqual(60_000);
    expect(inFlight.peakCount).toBeLessThanOrEqual(15);
    first.view.unmount();
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    render(<KeletProvider apiKey="pk_budget" project="p" baseUrl={server.origin} />);
    await waitUntil(() => sessions.every((s) => acceptedFor(s) >= 1), 8000);
    await realSleep(500);
    expect(sessions.map(acceptedFor)).toEqual(sessions.map(() => 1));
  });
});
