import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { destinationKey } from "../../src/core/delivery/signal-store";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { captureContext } from "../support/capture-context";
import { useSignalServer, type ReceivedRequest } from "../support/signal-server";
import { realSleep, settleLeftovers, track } from "./helpers";

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

async function waitUntil(done: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await realSleep(10);
  }
}

const triggerOf = (request: ReceivedRequest) => JSON.parse(request.body).trigger_name as string;
const requestsOf = (trigger: string) => server.requests.filter((request) => triggerOf(request) == trigger);

describe("hiding the page keeps each session's order and each entry's retry time", () => {
  it.each([[true], [false]])("a comment never overtakes the vote it explains when the tab is hidden, and the vote waits its Retry-After (persist %s)", async (persist) => {
    server.plan({ status: 503, headers: { "Retry-After": "1" } });
    const { context } = captureContext({ apiKey: `pk_hide_order_${persist}`, project: "p", baseUrl: server.origin, persist, onError: () => {} });
    const vote = track(context.feedback({ session_id: "chat-1", score: 0, trigger_name: "vote" }));
    await waitUntil(() => server.requests.length == 1);
    await realSleep(50); // the 503 is read: the vote waits its Retry-After
    const comment = track(context.feedback({ session_id: "chat-1", kind: "feedback", value: "it ignored my question", trigger_name: "comment" }));
    hideTab();
    await waitUntil(() => vote.settled && comment.settled && server.accepted().length == 2);
    const [firstTry, retry] = requestsOf("vote");
    // The server asked for a second: hiding the tab does not make the vote come back sooner.
    expect(retry!.receivedAtMs - firstTry!.receivedAtMs).toBeGreaterThanOrEqual(950);
    // The comment leaves only once the vote it explains was answered.
    expect(requestsOf("comment")[0]!.receivedAtMs).toBeGreaterThanOrEqual(retry!.receivedAtMs);
    expect(server.accepted().map((b) => b.trigger_name)).toEqual(["vote", "comment"]);
    expect(vote.error).toBeUndefined();
    expect(comment.error).toBeUndefined();
  });

  it("after a vote change, the old vote never lands last when the tab is hidden", async () => {
    server.plan({ status: 200, delayMs: 400 });
    const { context } = captureContext({ apiKey: "pk_hide_change", project: "p", baseUrl: server.origin });
    void context.feedback({ session_id: "chat-2", score: 1, trigger_name: "up" });
    await waitUntil(() => server.requests.length == 1);
    void context.feedback({ session_id: "chat-2", score: 0, trigger_name: "down" });
    void context.feedback({ session_id: "chat-2", kind: "feedback", value: "actually wrong", trigger_name: "why" });
    hideTab();
    await waitUntil(() => server.accepted().length == 3);
    const [up] = requestsOf("up");
    // Nothing of the session leaves while its earlier request is unanswered.
    expect(requestsOf("down")[0]!.receivedAtMs).toBeGreaterThanOrEqual(up!.receivedAtMs + 400);
    expect(requestsOf("why")[0]!.receivedAtMs).toBeGreaterThanOrEqual(requestsOf("down")[0]!.receivedAtMs);
    expect(server.accepted().map((b) => b.trigger_name)).toEqual(["up", "down", "why"]);
    expect(Object.keys(localStorage).filter((key) => key.startsWith("kelet:unsent:"))).toEqual([]);
  });

  it("a vote asked to retry later keeps its retry time across a reload", async () => {
    server.plan({ status: 429, headers: { "Retry-After": "2" } });
    const first = captureContext({ apiKey: "pk_hide_reload", project: "p", baseUrl: server.origin, onError: () => {} });
    void first.context.feedback({ session_id: "chat-3", score: 1, trigger_name: "patient" }).catch(() => {});
    await waitUntil(() => server.requests.length == 1);
    await realSleep(50);
    // The page is left (a reload): what cannot leave yet is saved with its retry time.
    window.dispatchEvent(new Event("pagehide"));
    expect(server.requests).toHaveLength(1);
    first.view.unmount();
    render(<KeletProvider apiKey="pk_hide_reload" project="p" baseUrl={server.origin} />);
    await waitUntil(() => server.accepted().length == 1, 8000);
    const [firstTry, retry] = requestsOf("patient");
    expect(retry!.receivedAtMs - firstTry!.receivedAtMs).toBeGreaterThanOrEqual(1950);
  });

  it("on the next visit, a comment saved behind its vote still waits for the vote and its Retry-After", async () => {
    // What an earlier page left when it was closed: the vote asked to retry in 1 s, the comment behind it.
    const now = Date.now();
    const destination = destinationKey({ baseUrl: server.origin, project: "p", apiKey: "pk_next_visit_order" });
    localStorage.setItem(
      `kelet:unsent:${destination}`,
      JSON.stringify([
        { id: "vote", body: JSON.stringify({ session_id: "chat-4", score: 0, trigger_name: "vote" }), queuedAtMs: now - 500, notBeforeMs: now + 1000 },
        { id: "comment", body: JSON.stringify({ session_id: "chat-4", kind: "feedback", value: "wrong answer", trigger_name: "comment" }), queuedAtMs: now - 400 },
      ]),
    );
    render(<KeletProvider apiKey="pk_next_visit_order" project="p" baseUrl={server.origin} />);
    await waitUntil(() => server.accepted().length == 2, 8000);
    expect(server.requests.map(triggerOf)).toEqual(["vote", "comment"]);
    expect(requestsOf("vote")[0]!.receivedAtMs - now).toBeGreaterThanOrEqual(950);
  });
});
