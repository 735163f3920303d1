import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KeletProvider } from "../../src/index";
import { captureContext } from "../support/capture-context";
import { useSignalServer, type ReceivedRequest } from "../support/signal-server";
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
  const show = new Event("pageshow");
  Object.defineProperty(show, "persisted", { value: true });
  window.dispatchEvent(show);
  document.dispatchEvent(new Event("visibilitychange"));
}
const sessionOf = (request: ReceivedRequest) => (request.method == "POST" ? (JSON.parse(request.body).session_id as string) : undefined); // development also sends a GET no-cors probe of a failing origin
const triggerOf = (request: ReceivedRequest) => (request.method == "POST" ? (JSON.parse(request.body).trigger_name as string) : undefined); // development also sends a GET no-cors probe of a failing origin
const requestsFor = (session: string) => server.requests.filter((r) => sessionOf(r) == session);

/** A vote the server answers with 429 and `Retry-After: seconds`; resolves once that answer was read. */
async function voteAskedToWait(seconds: number, apiKey: string, extra: Record<string, unknown> = {}) {
  server.plan({ status: 429, headers: { "Retry-After": String(seconds) } });
  const captured = captureContext({ apiKey, project: "p", baseUrl: server.origin, onError: vi.fn(), ...extra });
  const vote = track(captured.context.feedback({ session_id: "patient", score: 1, trigger_name: "vote" }));
  await waitUntil(() => server.requests.length == 1);
  await realSleep(60);
  return { ...captured, vote };
}
function expectRetryAfterHonoured(seconds: number) {
  const [first, retry] = requestsFor("patient");
  expect(retry).toBeDefined();
  expect(retry!.receivedAtMs - first!.receivedAtMs).toBeGreaterThanOrEqual(seconds * 1000 - 50);
}

describe("Retry-After is honoured across other events", () => {
  it("my vote the server asked to retry in 2 s is not resent sooner when the browser goes offline and comes back", async () => {
    const { vote } = await voteAskedToWait(2, "pk_ra_online");
    setBrowserOnline(false);
    await realSleep(200);
    setBrowserOnline(true);
    await waitUntil(() => vote.settled, 8000);
    expectRetryAfterHonoured(2);
  });

  it("my vote the server asked to retry in 2 s is not resent sooner when I switch tabs and come back", async () => {
    const { vote } = await voteAskedToWait(2, "pk_ra_show");
    hideTab();
    await realSleep(200);
    showTab();
    await waitUntil(() => vote.settled, 8000);
    expectRetryAfterHonoured(2);
  });

  it("my vote the server asked to retry in 2 s is not resent sooner when its provider unmounts and another provider of the same destination mounts", async () => {
    const { vote, view } = await voteAskedToWait(2, "pk_ra_remount");
    view.unmount();
    render(<KeletProvider apiKey="pk_ra_remount" project="p" baseUrl={server.origin} />);
    await waitUntil(() => vote.settled, 8000);
    expectRetryAfterHonoured(2);
  });

  it("my vote the server asked to retry in 8 s is not sent early as the offline probe while another session's requests fail at the connection", async () => {
    const { context, vote } = await voteAskedToWait(8, "pk_ra_probe");
    await server.down();
    const other = track(context.feedback({ session_id: "other", score: 0 }));
    await realSleep(2500);
    await server.up();
    await waitUntil(() => vote.settled && other.settled, 15_000);
    expectRetryAfterHonoured(8);
  }, 20_000);

  it("a comment behind my vote (asked to retry in 8 s) does not go before the vote once the connection comes back after another session's failures", async () => {
    const { context, vote } = await voteAskedToWait(8, "pk_ra_probe_order");
    const comment = track(context.feedback({ session_id: "patient", value: "why", trigger_name: "comment" }));
    await server.down();
    const other = track(context.feedback({ session_id: "other", score: 0 }));
    await realSleep(2500);
    await server.up();
    await waitUntil(() => vote.settled && comment.settled && other.settled, 15_000);
    expect(requestsFor("patient").map(triggerOf)).toEqual(["vote", "vote", "comment"]);
    expectRetryAfterHonoured(8);
  }, 20_000);

  it("my vote the server asked to retry in 8 s is not resent early when the connection of another session's request is cut twice", async () => {
    const { context, vote } = await voteAskedToWait(8, "pk_ra_reset");
    server.plan("reset", "reset");
    const other = track(context.feedback({ session_id: "other", score: 0 }));
    await waitUntil(() => vote.settled && other.settled, 15_000);
    expectRetryAfterHonoured(8);
  }, 20_000);

  it("my vote the server asked to retry in 8 s is not sent early by the offline probe while the browser says it is offline", async () => {
    const { vote } = await voteAskedToWait(8, "pk_ra_probe_offline");
    setBrowserOnline(false);
    await realSleep(4000);
    setBrowserOnline(true);
    await waitUntil(() => vote.settled, 15_000);
    expectRetryAfterHonoured(8);
  }, 20_000);
});

describe("one destination, however its base URL is written", () => {
  it("a comment sent through a provider whose baseUrl ends in /api/ never overtakes the vote it explains, sent through one without", async () => {
    const { vote } = await voteAskedToWait(1, "pk_same_dest");
    const other = captureContext({ apiKey: "pk_same_dest", project: "p", baseUrl: `${server.origin}/api/`, onError: vi.fn() });
    const comment = track(other.context.feedback({ session_id: "patient", value: "why", trigger_name: "comment" }));
    await waitUntil(() => vote.settled && comment.settled, 8000);
    expect(server.accepted().map((b) => b.trigger_name)).toEqual(["vote", "comment"]);
    expect(requestsFor("patient").map(triggerOf)).toEqual(["vote", "vote", "comment"]);
  });

  it("what a page saved with baseUrl 'origin/api' is sent on the next visit by a provider written with 'origin/'", async () => {
    setBrowserOnline(false);
    const first = captureContext({ apiKey: "pk_same_store", project: "p", baseUrl: `${server.origin}/api`, onError: vi.fn() });
    void first.context.feedback({ session_id: "saved-api", score: 1 }).catch(() => {});
    hideTab();
    window.dispatchEvent(new Event("pagehide"));
    first.view.unmount();
    setBrowserOnline(true);
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    render(<KeletProvider apiKey="pk_same_store" project="p" baseUrl={`${server.origin}/`} />);
    await server.waitForAccepted(1, 5000);
  });
});
