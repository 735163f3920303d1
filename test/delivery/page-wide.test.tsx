import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_STORED_BYTES } from "../../src/core/delivery/constants";
import { createSignalStore, destinationKey } from "../../src/core/delivery/signal-store";
import { createFeedbackFunction } from "../../src/core/feedback-function";
import { createSignalSender } from "../../src/core/signal-sender";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useKelet } from "../../src/provider/use-kelet";
import type { KeletContextValue } from "../../src/provider/kelet-context";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { advanceFor, realSleep, settleLeftovers, track, useFakeClock } from "./helpers";
import { resetTestTuning, testTuning } from "./tuned-sender";

vi.mock("../../src/core/signal-sender", () => import("./tuned-sender"));

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => localStorage.clear());
afterEach(() => {
  resetTestTuning();
  vi.unstubAllGlobals();
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
  localStorage.clear();
});

function setBrowserOnline(online: boolean) {
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(online);
  window.dispatchEvent(new Event(online ? "online" : "offline"));
}

function hidePage() {
  Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
}

function showPage() {
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
}

async function waitUntil(done: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await realSleep(20);
  }
}

/** Renders a provider tree and hands back what useKelet() sees at each marked spot. */
function Grab({ into, name }: { into: Record<string, KeletContextValue>; name: string }) {
  into[name] = useKelet();
  return null;
}

describe("resolved means delivered", () => {
  it("offline with big edits, the page hidden twice and storage over its caps: no promise resolves unless the server accepted the signal", async () => {
    const onError = vi.fn();
    const { context } = captureContext({ apiKey: "pk_caps", project: "p", baseUrl: server.origin, onError });
    setBrowserOnline(false);
    // 20 KB each: together well over MAX_STORED_BYTES, so saving evicts the oldest saved copies.
    const big = (n: number) => ({ session_id: `big-${n}`, kind: "edit" as const, value: `${n}:`.padEnd(20_000, "x") });
    const results = Array.from({ length: 20 }, (_, n) => ({ id: `big-${n}`, state: track(context.feedback(big(n))) }));
    hidePage();
    showPage();
    results.push(...Array.from({ length: 20 }, (_, n) => ({ id: `big-${20 + n}`, state: track(context.feedback(big(20 + n))) })));
    hidePage();
    const saved = JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith("kelet:unsent:"))!)!) as unknown[];
    expect(saved.length).toBeLessThan(40); // the caps did evict copies
    expect(JSON.stringify(saved).length).toBeLessThanOrEqual(MAX_STORED_BYTES);
    showPage();
    setBrowserOnline(true);
    await waitUntil(() => results.every((r) => r.state.settled), 20_000);

    const accepted = new Set(server.accepted().map((b) => String(b.session_id)));
    const resolvedUndelivered = results.filter((r) => !r.state.error && !accepted.has(r.id)).map((r) => r.id);
    expect(resolvedUndelivered).toEqual([]);
    const rejected = results.filter((r) => r.state.error);
    expect(onError).toHaveBeenCalledTimes(rejected.length);
    expect(accepted.size + rejected.length).toBe(40);
    // Here nothing had a reason to fail: every one of them arrives.
    expect(accepted.size).toBe(40);
  });

  it("a signal whose saved copy the app cleared from storage is still sent, not taken for handed over", async () => {
    const { context } = captureContext({ apiKey: "pk_cleared", project: "p", baseUrl: server.origin });
    setBrowserOnline(false);
    const result = track(context.feedback({ session_id: "cleared", score: 1 }));
    window.dispatchEvent(new Event("pagehide"));
    expect(Object.keys(localStorage).some((k) => k.startsWith("kelet:unsent:"))).toBe(true);
    localStorage.clear(); // the app's own "clear data", or a storage quota cleanup
    setBrowserOnline(true);
    await waitUntil(() => result.settled);
    expect(result.error).toBeUndefined();
    expect(server.accepted().map((b) => b.session_id)).toEqual(["cleared"]);
  });

  it("a signal another tab took over (with a claim record) resolves without being sent twice", async () => {
    const { context } = captureContext({ apiKey: "pk_tabs", project: "p", baseUrl: server.origin });
    setBrowserOnline(false);
    const result = track(context.feedback({ session_id: "handed-over", score: 1 }));
    window.dispatchEvent(new Event("pagehide"));
    // Another tab of the same site drains what this one saved (and records its claim).
    const claimed = await createSignalStore(destinationKey({ baseUrl: server.origin, project: "p", apiKey: "pk_tabs" }), "other-tab").claimAll();
    expect(claimed?.map((r) => JSON.parse(r.body).session_id)).toEqual(["handed-over"]);
    setBrowserOnline(true);
    await waitUntil(() => result.settled);
    expect(result.error).toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });
});

describe("nothing stranded", () => {
  it("a nested provider that unmounts while its signal waits for a retry still delivers it", async () => {
    server.plan(503);
    const seen: Record<string, KeletContextValue> = {};
    const tree = (withPanel: boolean) => (
      <KeletProvider apiKey="pk_nested" project="chat" baseUrl={server.origin}>
        <Grab into={seen} name="outer" />
        {withPanel && (
          <KeletProvider project="panel">
            <Grab into={seen} name="panel" />
          </KeletProvider>
        )}
      </KeletProvider>
    );
    const view = render(tree(true));
    const result = track(seen.panel!.feedback({ session_id: "from-panel", score: 0 }));
    await server.waitForRequests(1);
    view.rerender(tree(false)); // a route change closes the panel
    await waitUntil(() => result.settled);
    expect(result.error).toBeUndefined();
    expect(server.accepted().map((b) => b.session_id)).toEqual(["from-panel"]);
    expect(server.requests.every((r) => r.url.includes("panel"))).toBe(true);
  });

  it("a provider whose project changes while a signal waits delivers it to the project it was sent for", async () => {
    server.plan(503);
    const seen: Record<string, KeletContextValue> = {};
    const tree = (project: string) => (
      <KeletProvider apiKey="pk_reconf" project={project} baseUrl={server.origin} debug={project === "b"}>
        <Grab into={seen} name="ctx" />
      </KeletProvider>
    );
    const view = render(tree("a"));
    const result = track(seen.ctx!.feedback({ session_id: "for-a", score: 1 }));
    await server.waitForRequests(1);
    vi.spyOn(console, "debug").mockImplementation(() => {});
    view.rerender(tree("b"));
    await waitUntil(() => result.settled);
    expect(result.error).toBeUndefined();
    const accepted = server.requests.filter((r) => r.status === 200);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.url).toContain("/a/");
  });

  it("two React roots with the same key and project share one queue: one request per signal, each session in order", async () => {
    server.plan({ status: 200, delayMs: 400 });
    const seen: Record<string, KeletContextValue> = {};
    render(
      <KeletProvider apiKey="pk_shared" project="p" baseUrl={server.origin}>
        <Grab into={seen} name="a" />
      </KeletProvider>,
    );
    render(
      <KeletProvider apiKey="pk_shared" project="p" baseUrl={server.origin}>
        <Grab into={seen} name="b" />
      </KeletProvider>,
    );
    const first = track(seen.a!.feedback({ session_id: "same-chat", score: 1, trigger_name: "first" }));
    const second = track(seen.b!.feedback({ session_id: "same-chat", score: 0, trigger_name: "second" }));
    await server.waitForRequests(1);
    await realSleep(200);
    // The second waits for the first: one queue keeps a session's order across roots.
    expect(server.requests).toHaveLength(1);
    await waitUntil(() => first.settled && second.settled);
    expect(server.accepted().map((b) => b.trigger_name)).toEqual(["first", "second"]);
    expect(server.requests).toHaveLength(2);
  });
});

describe("a blocked endpoint", () => {
  it("with the browser online but every request failing, signals are saved for the next visit and rejected with the reason", async () => {
    testTuning.blockedEndpointGiveUpMs = 1_500;
    testTuning.firstProbeDelayMs = 100;
    await server.down(); // like an ad blocker: every request fails at the connection
    const onError = vi.fn();
    const { context, view } = captureContext({ apiKey: "pk_blocked", project: "p", baseUrl: server.origin, onError });
    const results = [1, 2].map((n) => track(context.feedback({ session_id: `blocked-${n}`, score: 1 })));
    await waitUntil(() => results.every((r) => r.settled), 8_000);
    for (const result of results) {
      expect(result.error?.message).toBe(
        "Failed to submit feedback: the Kelet endpoint has been unreachable for 2 seconds while the browser is online (blocked by an ad blocker or firewall?); saved for the next visit",
      );
    }
    expect(onError).toHaveBeenCalledTimes(2);
    const key = Object.keys(localStorage).find((k) => k.startsWith("kelet:unsent:"))!;
    expect((JSON.parse(localStorage.getItem(key)!) as Array<{ body: string }>).map((r) => JSON.parse(r.body).session_id).sort()).toEqual([
      "blocked-1",
      "blocked-2",
    ]);

    // The next visit, with the endpoint reachable, sends them, and onError hears nothing more.
    view.unmount();
    await server.up();
    render(<KeletProvider apiKey="pk_blocked" project="p" baseUrl={server.origin} onError={onError} />);
    await server.waitForAccepted(2);
    expect(server.accepted().map((b) => b.session_id).sort()).toEqual(["blocked-1", "blocked-2"]);
    expect(onError).toHaveBeenCalledTimes(2);
  });

  it("while the browser says offline, signals keep waiting past the ceiling", async () => {
    testTuning.blockedEndpointGiveUpMs = 300;
    testTuning.firstProbeDelayMs = 50;
    const { context } = captureContext({ apiKey: "pk_truly_offline", project: "p", baseUrl: server.origin });
    setBrowserOnline(false);
    const result = track(context.feedback({ session_id: "patient", score: 1 }));
    await realSleep(1_000);
    expect(result.settled).toBe(false);
    setBrowserOnline(true);
    await waitUntil(() => result.settled);
    expect(result.error).toBeUndefined();
  });

  it("two queues (two projects) share one probe while the endpoint is down", async () => {
    await server.down();
    useFakeClock();
    const realFetch = globalThis.fetch;
    let calls = 0;
    vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
      calls += 1;
      return realFetch(url, init);
    });
    const one = captureContext({ apiKey: "pk_probe", project: "one", baseUrl: server.origin }).context;
    const two = captureContext({ apiKey: "pk_probe", project: "two", baseUrl: server.origin }).context;
    const results = [track(one.feedback({ session_id: "p1", score: 1 })), track(two.feedback({ session_id: "p2", score: 1 }))];
    await advanceFor(60_000);
    // One first try each, then one page-wide probe at about 1, 3, 7, 15 and 31 s (not one loop per queue).
    expect(calls).toBeGreaterThanOrEqual(5);
    expect(calls).toBeLessThanOrEqual(9);
    expect(results.some((r) => r.settled)).toBe(false);
    await server.up();
    await advanceFor(40_000);
    expect(results.every((r) => r.settled && !r.error)).toBe(true);
  });
});

describe("persist={false}", () => {
  function sender(persist: boolean) {
    const reportFailure = vi.fn();
    const signals = createSignalSender({ apiKey: "pk_persist", project: "p", baseUrl: server.origin, persist, reportFailure });
    const stop = signals.start();
    const feedback = createFeedbackFunction({ sender: signals, disabled: false, debug: false, captureEvents: false, reportFailure });
    return { feedback, reportFailure, stop };
  }

  it("writes nothing to localStorage, and what cannot leave when the page is hidden rejects and reaches onError", async () => {
    const setItem = vi.spyOn(Storage.prototype, "setItem");
    const { feedback, reportFailure, stop } = sender(false);
    setBrowserOnline(false);
    const results = [1, 2].map((n) => track(feedback({ session_id: `private-${n}`, score: 1 })));
    window.dispatchEvent(new Event("pagehide"));
    await realSleep(10);
    expect(setItem).not.toHaveBeenCalled();
    expect(Object.keys(localStorage)).toEqual([]);
    for (const result of results) {
      expect(result.error?.message).toBe(
        "Failed to submit feedback: the page was hidden before the signal could be sent, and persist is off (nothing was saved)",
      );
    }
    expect(reportFailure).toHaveBeenCalledTimes(2);
    // The page came back after all: they still go out, and nothing is reported twice.
    setBrowserOnline(true);
    await server.waitForAccepted(2);
    expect(reportFailure).toHaveBeenCalledTimes(2);
    stop();
  });

  it("with persist on (the default) the same signals are saved instead, and their promises wait", async () => {
    const { feedback, reportFailure, stop } = sender(true);
    setBrowserOnline(false);
    const result = track(feedback({ session_id: "kept", score: 1 }));
    window.dispatchEvent(new Event("pagehide"));
    await realSleep(10);
    expect(Object.keys(localStorage).some((k) => k.startsWith("kelet:unsent:"))).toBe(true);
    expect(result.settled).toBe(false);
    setBrowserOnline(true);
    await waitUntil(() => result.settled);
    expect(result.error).toBeUndefined();
    expect(reportFailure).not.toHaveBeenCalled();
    stop();
  });
});

describe("storage that throws", () => {
  it("storage that throws on every call never makes a waiting signal look delivered", async () => {
    for (const method of ["getItem", "setItem", "removeItem"] as const) {
      vi.spyOn(Storage.prototype, method).mockImplementation(() => {
        throw new DOMException("The operation is insecure.", "SecurityError");
      });
    }
    const { context } = captureContext({ apiKey: "pk_throws", project: "p", baseUrl: server.origin });
    setBrowserOnline(false);
    const result = track(context.feedback({ session_id: "in-memory", score: 1 }));
    expect(() => hidePage()).not.toThrow();
    showPage();
    setBrowserOnline(true);
    await waitUntil(() => result.settled);
    expect(result.error).toBeUndefined();
    expect(server.accepted().map((b) => b.session_id)).toEqual(["in-memory"]);
  });
});
