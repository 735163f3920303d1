import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KeletProvider } from "../../src/index";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers, track } from "../delivery/helpers";
import { waitUntil, setBrowserOnline, closePage } from "./page-events";

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => localStorage.clear());
afterEach(() => {
  vi.restoreAllMocks();
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
  localStorage.clear();
});

function backFromCache() {
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
  const show = new Event("pageshow");
  Object.defineProperty(show, "persisted", { value: true });
  window.dispatchEvent(show);
  document.dispatchEvent(new Event("visibilitychange"));
}
const acceptedFor = (session: string) => server.accepted().filter((b) => b.session_id == session).length;
const savedText = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith("kelet:unsent:"))
    .map((key) => localStorage.getItem(key) ?? "")
    .join("\n");

describe("back from the back/forward cache, then a next visit", () => {
  it("a vote saved when I left offline, sent when I came back from the cache, is not sent again on my next visit", async () => {
    const first = captureContext({ apiKey: "pk_bf_offline", project: "p", baseUrl: server.origin, onError: vi.fn() });
    setBrowserOnline(false);
    const vote = track(first.context.feedback({ session_id: "bf-offline", score: 1 }));
    closePage();
    expect(savedText()).toContain("bf-offline");
    backFromCache();
    setBrowserOnline(true);
    await waitUntil(() => acceptedFor("bf-offline") == 1 && vote.settled, 8000);
    await realSleep(200);
    first.view.unmount();
    render(<KeletProvider apiKey="pk_bf_offline" project="p" baseUrl={server.origin} />);
    await realSleep(1500);
    expect(acceptedFor("bf-offline")).toBe(1);
  });

  it("a vote saved with its Retry-After when I left, sent at its time after I came back from the cache, is not sent again on my next visit", async () => {
    server.plan({ status: 429, headers: { "Retry-After": "1" } });
    const first = captureContext({ apiKey: "pk_bf_retry_after", project: "p", baseUrl: server.origin, onError: vi.fn() });
    const vote = track(first.context.feedback({ session_id: "bf-ra", score: 1 }));
    await waitUntil(() => server.requests.length == 1);
    await realSleep(50);
    closePage();
    expect(savedText()).toContain("bf-ra");
    backFromCache();
    await waitUntil(() => acceptedFor("bf-ra") == 1 && vote.settled, 8000);
    await realSleep(200);
    first.view.unmount();
    render(<KeletProvider apiKey="pk_bf_retry_after" project="p" baseUrl={server.origin} />);
    await realSleep(1500);
    expect(acceptedFor("bf-ra")).toBe(1);
    expect(vote.error).toBeUndefined();
  });

  it("a comment saved behind its vote when I left, both sent after I came back from the cache, arrive vote first and each once", async () => {
    server.plan({ status: 503, headers: { "Retry-After": "1" } });
    const first = captureContext({ apiKey: "pk_bf_pair", project: "p", baseUrl: server.origin, onError: vi.fn() });
    const vote = track(first.context.feedback({ session_id: "bf-pair", score: 0, trigger_name: "vote" }));
    await waitUntil(() => server.requests.length == 1);
    await realSleep(50);
    const comment = track(first.context.feedback({ session_id: "bf-pair", value: "why", trigger_name: "comment" }));
    closePage();
    backFromCache();
    await waitUntil(() => vote.settled && comment.settled, 8000);
    await realSleep(200);
    first.view.unmount();
    render(<KeletProvider apiKey="pk_bf_pair" project="p" baseUrl={server.origin} />);
    await realSleep(1500);
    expect(server.accepted().map((b) => b.trigger_name)).toEqual(["vote", "comment"]);
  });
});
