import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KeletProvider } from "../../src/index";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers, track } from "../delivery/helpers";
import { resetTestTuning, testTuning } from "../delivery/tuned-sender";
import { waitUntil, setBrowserOnline, closePage } from "./page-events";

vi.mock("../../src/core/signal-sender", () => import("../delivery/tuned-sender"));

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => localStorage.clear());
afterEach(() => {
  resetTestTuning();
  vi.restoreAllMocks();
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
  localStorage.clear();
});

function storageFull() {
  return vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  });
}
const savedText = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith("kelet:unsent:"))
    .map((key) => localStorage.getItem(key) ?? "")
    .join("\n");
const acceptedFor = (session: string) => server.accepted().filter((b) => b.session_id == session).length;

describe("at the blocked-endpoint ceiling", () => {
  beforeEach(async () => {
    testTuning.blockedEndpointGiveUpMs = 800;
    testTuning.firstProbeDelayMs = 100;
    await server.down();
  });

  it("my vote kept in memory because storage was full is saved when I close the page once storage works again, I hear about it once, and the next visit sends it once", async () => {
    const full = storageFull();
    const onError = vi.fn();
    const first = captureContext({ apiKey: "pk_ceiling_then_close", project: "p", baseUrl: server.origin, onError });
    const vote = track(first.context.feedback({ session_id: "kept", score: 1 }));
    await waitUntil(() => vote.settled);
    expect(vote.error?.message).toMatch(/kept in memory/);
    full.mockRestore();
    closePage();
    expect(savedText()).toContain("kept");
    expect(onError).toHaveBeenCalledTimes(1);
    first.view.unmount();

    await server.up();
    setBrowserOnline(true);
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    const nextOnError = vi.fn();
    render(<KeletProvider apiKey="pk_ceiling_then_close" project="p" baseUrl={server.origin} onError={nextOnError} />);
    await waitUntil(() => acceptedFor("kept") >= 1, 8000);
    await realSleep(1000);
    expect(acceptedFor("kept")).toBe(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(nextOnError).not.toHaveBeenCalled();
  });

  it("my vote kept in memory because storage was full is not reported a second time when I close the page with storage still full", async () => {
    storageFull();
    const onError = vi.fn();
    const { context } = captureContext({ apiKey: "pk_ceiling_full_close", project: "p", baseUrl: server.origin, onError });
    const vote = track(context.feedback({ session_id: "kept-full", score: 1 }));
    await waitUntil(() => vote.settled);
    closePage();
    await realSleep(300);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("a persist-off provider's vote is never saved at the ceiling, though a persisting provider of the same destination saves its own", async () => {
    const props = { apiKey: "pk_ceiling_mixed", project: "p", baseUrl: server.origin };
    const open = captureContext({ ...props, onError: vi.fn() });
    const priv = captureContext({ ...props, persist: false, onError: vi.fn() });
    const a = track(open.context.feedback({ session_id: "open-one", score: 1 }));
    const b = track(priv.context.feedback({ session_id: "private-one", score: 0 }));
    await waitUntil(() => a.settled && b.settled);
    expect(a.error?.message).toMatch(/saved for the next visit$/);
    expect(b.error?.message).toMatch(/persist is off/);
    expect(savedText()).toContain("open-one");
    expect(savedText()).not.toContain("private-one");
    await server.up();
  });

  it("a vote saved at the ceiling is sent once, not twice, when the endpoint comes back on this page and a later visit drains storage", async () => {
    const onError = vi.fn();
    const first = captureContext({ apiKey: "pk_ceiling_twice", project: "p", baseUrl: server.origin, onError });
    const vote = track(first.context.feedback({ session_id: "saved-once", score: 1 }));
    await waitUntil(() => vote.settled);
    expect(vote.error?.message).toMatch(/saved for the next visit$/);
    await server.up();
    setBrowserOnline(true);
    // Same page carries on: another signal goes out fine.
    await first.context.feedback({ session_id: "after", score: 1 });
    await realSleep(1500);
    first.view.unmount();
    await realSleep(200);
    const nextOnError = vi.fn();
    render(<KeletProvider apiKey="pk_ceiling_twice" project="p" baseUrl={server.origin} onError={nextOnError} />);
    await waitUntil(() => acceptedFor("saved-once") >= 1, 8000);
    await realSleep(1000);
    expect(acceptedFor("saved-once")).toBe(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(nextOnError).not.toHaveBeenCalled();
  });

  it("a comment behind its vote at the ceiling keeps its place: the next visit sends the vote first", async () => {
    const { context, view } = captureContext({ apiKey: "pk_ceiling_order", project: "p", baseUrl: server.origin, onError: vi.fn() });
    const vote = track(context.feedback({ session_id: "ordered", score: 0, trigger_name: "vote" }));
    await realSleep(300);
    const comment = track(context.feedback({ session_id: "ordered", value: "why", trigger_name: "comment" }));
    await waitUntil(() => vote.settled && comment.settled);
    view.unmount();
    await server.up();
    setBrowserOnline(true);
    render(<KeletProvider apiKey="pk_ceiling_order" project="p" baseUrl={server.origin} />);
    await waitUntil(() => server.accepted().length >= 2, 8000);
    expect(server.accepted().map((b) => b.trigger_name)).toEqual(["vote", "comment"]);
  });
});
