import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KeletProvider } from "../../src/index";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers, track } from "../delivery/helpers";
import { resetTestTuning, testTuning } from "../delivery/tuned-sender";
import { waitUntil, setBrowserOnline } from "./page-events";

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
function closePage() {
  hideTab();
  window.dispatchEvent(new Event("pagehide"));
}
/** A storage quota that takes small writes but refuses any value over `maxChars`. */
function quotaOf(maxChars: number) {
  const original = Storage.prototype.setItem;
  return vi.spyOn(Storage.prototype, "setItem").mockImplementation(function (this: Storage, key: string, value: string) {
    if (String(value).length > maxChars) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    original.call(this, key, value);
  });
}
const savedText = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith("kelet:unsent:"))
    .map((key) => localStorage.getItem(key) ?? "")
    .join("\n");
const acceptedFor = (session: string) => server.accepted().filter((b) => b.session_id == session).length;

describe("a record already reported saved, when storage fills up", () => {
  it("my vote reported 'saved for the next visit' stays saved when a later, larger signal does not fit in storage, and the next visit sends it", async () => {
    testTuning.blockedEndpointGiveUpMs = 800;
    testTuning.firstProbeDelayMs = 100;
    await server.down();
    quotaOf(3_000);
    const onError = vi.fn();
    const first = captureContext({ apiKey: "pk_quota_keeps", project: "p", baseUrl: server.origin, onError });
    const vote = track(first.context.feedback({ session_id: "reported-saved", score: 1 }));
    await waitUntil(() => vote.settled);
    expect(vote.error?.message).toMatch(/saved for the next visit$/);
    expect(savedText()).toContain("reported-saved");

    const big = track(first.context.feedback({ session_id: "too-big", kind: "edit", value: "x".repeat(5_000) }));
    await waitUntil(() => big.settled);
    expect(big.error?.message).toMatch(/not saved/);
    // The earlier promise said "saved for the next visit": it must still be there.
    expect(savedText()).toContain("reported-saved");
    closePage();
    expect(savedText()).toContain("reported-saved");
    first.view.unmount();

    await server.up();
    setBrowserOnline(true);
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    render(<KeletProvider apiKey="pk_quota_keeps" project="p" baseUrl={server.origin} />);
    await waitUntil(() => acceptedFor("reported-saved") >= 1, 8000);
  });
});

describe("what is saved is what was sent", () => {
  it("a vote that got a 503, was saved when I left, and is sent on my next visit carries the identical body, timestamp and all", async () => {
    server.plan({ status: 503, headers: { "Retry-After": "5" } });
    const first = captureContext({ apiKey: "pk_same_body", project: "p", baseUrl: server.origin, onError: vi.fn() });
    void first.context.feedback({ session_id: "same-body", score: 1, value: "naïve 好 👍", metadata: { a: [1, { b: null }] } }).catch(() => {});
    await waitUntil(() => server.requests.length == 1);
    await realSleep(50);
    closePage();
    first.view.unmount();
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    render(<KeletProvider apiKey="pk_same_body" project="p" baseUrl={server.origin} />);
    await waitUntil(() => server.accepted().length == 1, 10_000);
    expect(server.requests[server.requests.length - 1]!.body).toBe(server.requests[0]!.body);
  });
});

describe("an onError that throws", () => {
  it("an app whose onError throws still gets each failure reported once and nothing thrown at it", async () => {
    server.plan(400, 400);
    const errors: unknown[] = [];
    const onWindowError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener("error", onWindowError);
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    process.on("uncaughtException", unhandled);
    const onError = vi.fn(() => {
      throw new Error("app bug in onError");
    });
    const { context } = captureContext({ apiKey: "pk_throwing_on_error", project: "p", baseUrl: server.origin, onError });
    const a = track(context.feedback({ session_id: "a", score: 1 }));
    const b = track(context.feedback({ session_id: "b", score: 1 }));
    await waitUntil(() => a.settled && b.settled);
    await realSleep(200);
    process.off("unhandledRejection", unhandled);
    process.off("uncaughtException", unhandled);
    window.removeEventListener("error", onWindowError);
    expect(a.error?.message).toMatch(/Failed to submit feedback/);
    expect(b.error?.message).toMatch(/Failed to submit feedback/);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(unhandled).not.toHaveBeenCalled();
    expect(errors).toEqual([]);
  });
});

describe("nothing outlives the last provider", () => {
  it("after hiding, showing, going offline and online with a persist-off and a persisting provider, unmounting both leaves no listener behind", async () => {
    const EVENTS = ["online", "offline", "pagehide", "pageshow", "visibilitychange", "storage", "freeze", "resume", "beforeunload", "unload"];
    const live = new Map<string, number>();
    for (const target of [window, document] as EventTarget[]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      vi.spyOn(target, "addEventListener").mockImplementation((type, listener, options) => {
        if (EVENTS.includes(type)) live.set(type, (live.get(type) ?? 0) + 1);
        add(type, listener, options);
      });
      vi.spyOn(target, "removeEventListener").mockImplementation((type, listener, options) => {
        if (EVENTS.includes(type)) live.set(type, (live.get(type) ?? 0) - 1);
        remove(type, listener, options);
      });
    }
    server.plan({ status: 429, headers: { "Retry-After": "1" } });
    const props = { apiKey: "pk_no_leak", project: "p", baseUrl: server.origin, onError: vi.fn() };
    const view = render(
      <KeletProvider {...props}>
        <KeletProvider persist={false} project="q">
          <span />
        </KeletProvider>
      </KeletProvider>,
    );
    const open = captureContext(props);
    const priv = captureContext({ ...props, persist: false, project: "q" });
    const one = track(open.context.feedback({ session_id: "one", score: 1 }));
    await waitUntil(() => server.requests.length == 1);
    closePage();
    showTab();
    setBrowserOnline(false);
    const two = track(priv.context.feedback({ session_id: "two", score: 1 }));
    hideTab();
    showTab();
    setBrowserOnline(true);
    await waitUntil(() => one.settled && two.settled, 8000);
    view.unmount();
    open.view.unmount();
    priv.view.unmount();
    await realSleep(300);
    expect(Object.fromEntries([...live].filter(([, n]) => n !== 0))).toEqual({});
  });
});
