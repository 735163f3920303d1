import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { captureContext } from "../support/capture-context";
import { useSignalServer, type ReceivedRequest } from "../support/signal-server";
import { realSleep, settleLeftovers, track } from "../delivery/helpers";
import { waitUntil } from "./page-events";

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => localStorage.clear());
afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

const sessionOf = (request: ReceivedRequest) => (request.method == "POST" ? (JSON.parse(request.body).session_id as string) : undefined); // development also sends a GET no-cors probe of a failing origin
const triggerOf = (request: ReceivedRequest) => (request.method == "POST" ? (JSON.parse(request.body).trigger_name as string) : undefined); // development also sends a GET no-cors probe of a failing origin

describe("the offline probe keeps each session's order", () => {
  it("my comment never goes out while the vote it explains is still on its way, even when another session's connection failures start the offline probe", async () => {
    server.plan("hang", "reset", "reset");
    const { context } = captureContext({ apiKey: "pk_probe_order", project: "p", baseUrl: server.origin, onError: vi.fn() });
    const vote = track(context.feedback({ session_id: "chat", score: 0, trigger_name: "vote" }));
    await waitUntil(() => server.requests.length == 1);
    const comment = track(context.feedback({ session_id: "chat", value: "why", trigger_name: "comment" }));
    const other = track(context.feedback({ session_id: "other", score: 1, trigger_name: "other" }));
    await waitUntil(() => vote.settled && comment.settled && other.settled, 25_000);
    const chat = server.requests.filter((r) => sessionOf(r) == "chat");
    const firstComment = chat.findIndex((r) => triggerOf(r) == "comment");
    // The server must see the vote accepted first, and no comment request while a vote request is unanswered.
    expect(server.accepted().filter((b) => b.session_id == "chat").map((b) => b.trigger_name)).toEqual(["vote", "comment"]);
    expect(chat.slice(firstComment).map(triggerOf)).not.toContain("vote");
  }, 30_000);

  it("my vote still on its way is not sent a second time at once by the offline probe when another session's connection is cut", async () => {
    server.plan({ status: 200, delayMs: 4000 }, "reset", "reset");
    const { context } = captureContext({ apiKey: "pk_probe_dup", project: "p", baseUrl: server.origin, onError: vi.fn() });
    const vote = track(context.feedback({ session_id: "slow", score: 1, trigger_name: "vote" }));
    await waitUntil(() => server.requests.length == 1);
    const other = track(context.feedback({ session_id: "other", score: 1, trigger_name: "other" }));
    await waitUntil(() => vote.settled && other.settled, 15_000);
    await realSleep(300);
    // The server answered the vote (late, but well within the time-out): it needed no second request.
    expect(server.requests.filter((r) => sessionOf(r) == "slow")).toHaveLength(1);
    expect(vote.error).toBeUndefined();
  }, 20_000);

  it("my comment never goes out while the vote it explains is still on its way when the browser drops offline and comes back", async () => {
    server.plan({ status: 200, delayMs: 2500 });
    const { context } = captureContext({ apiKey: "pk_online_order", project: "p", baseUrl: server.origin, onError: vi.fn() });
    const vote = track(context.feedback({ session_id: "chat", score: 0, trigger_name: "vote" }));
    await waitUntil(() => server.requests.length == 1);
    const comment = track(context.feedback({ session_id: "chat", value: "why", trigger_name: "comment" }));
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    window.dispatchEvent(new Event("offline"));
    await realSleep(200);
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(true);
    window.dispatchEvent(new Event("online"));
    await waitUntil(() => vote.settled && comment.settled, 15_000);
    expect(server.accepted().map((b) => b.trigger_name)).toEqual(["vote", "comment"]);
  }, 20_000);

  it("my comment never goes out while the vote it explains is still on its way when the browser says offline long enough for the probe to run", async () => {
    server.plan({ status: 200, delayMs: 3500 });
    const { context } = captureContext({ apiKey: "pk_offline_probe_order", project: "p", baseUrl: server.origin, onError: vi.fn() });
    const vote = track(context.feedback({ session_id: "chat", score: 0, trigger_name: "vote" }));
    await waitUntil(() => server.requests.length == 1);
    const comment = track(context.feedback({ session_id: "chat", value: "why", trigger_name: "comment" }));
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    window.dispatchEvent(new Event("offline"));
    await realSleep(2500);
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(true);
    window.dispatchEvent(new Event("online"));
    await waitUntil(() => vote.settled && comment.settled, 15_000);
    expect(server.accepted().map((b) => b.trigger_name)).toEqual(["vote", "comment"]);
  }, 20_000);
});
