import { render } from "@testing-library/react";
import { StrictMode, useEffect, useRef } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_SIGNAL_BYTES } from "../../src/core/delivery/constants";
import { utf8Bytes } from "../../src/core/delivery/payload-cap";
import { subscribePageHide } from "../../src/core/page-lifecycle";
import type { FeedbackData } from "../../src/core/signal";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useKeletSignal } from "../../src/provider/use-kelet-signal";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { advanceFor, advanceUntil, realSleep, track, trackLibraryTimers, useFakeClock, useRealClock, settleLeftovers } from "./helpers";

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  useRealClock();
  localStorage.clear();
});

const LIFECYCLE_EVENTS = ["online", "offline", "pagehide", "visibilitychange"];

/** Net listeners the library holds on window and document for the events it uses. */
function countLifecycleListeners() {
  const live = new Map<string, number>();
  const bump = (type: string, by: number) => LIFECYCLE_EVENTS.includes(type) && live.set(type, (live.get(type) ?? 0) + by);
  for (const target of [window, document] as EventTarget[]) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    vi.spyOn(target, "addEventListener").mockImplementation((type, listener, options) => {
      bump(type, 1);
      add(type, listener, options);
    });
    vi.spyOn(target, "removeEventListener").mockImplementation((type, listener, options) => {
      bump(type, -1);
      remove(type, listener, options);
    });
  }
  return () => [...live.values()].reduce((sum, n) => sum + n, 0);
}

describe("nothing outlives the last provider", () => {
  it("keeps delivering a waiting signal after the last provider unmounts, then removes every listener and timer", async () => {
    const listeners = countLifecycleListeners();
    useFakeClock();
    const timers = trackLibraryTimers();
    server.plan(503);
    const view = render(
      <KeletProvider apiKey="pk_life" project="p" baseUrl={server.origin}>
        <KeletProvider project="p">
          <span />
        </KeletProvider>
      </KeletProvider>,
    );
    const { context } = captureContext({ apiKey: "pk_life", project: "p", baseUrl: server.origin });
    const result = track(context.feedback({ session_id: "waiting", score: 1 }));
    await advanceUntil(() => server.requests.length === 1 && server.requests[0]!.status === 503);
    await realSleep(150); // the 503 reaches the queue, which now waits on a retry timer
    expect(timers.live()).toBeGreaterThan(0);
    expect(listeners()).toBeGreaterThan(0);

    view.unmount();
    // captureContext's own tree is unmounted by cleanup; do it now.
    const { cleanup } = await import("@testing-library/react");
    cleanup();
    // No provider is left, but the signal is not stranded: the queue retries it and the promise resolves.
    await advanceUntil(() => result.settled);
    expect(result.error).toBeUndefined();
    expect(server.accepted().map((b) => b.session_id)).toEqual(["waiting"]);
    // Settled, the queue leaves nothing behind.
    expect(listeners()).toBe(0);
    expect(timers.live()).toBe(0);
  });

  it("delivers exactly once under StrictMode, whose effects start and stop twice", async () => {
    const listeners = countLifecycleListeners();
    let feedback: ((data: FeedbackData) => Promise<void>) | undefined;
    function Grab() {
      feedback = useKeletSignal();
      return null;
    }
    const view = render(
      <StrictMode>
        <KeletProvider apiKey="pk_strict" project="p" baseUrl={server.origin}>
          <Grab />
        </KeletProvider>
      </StrictMode>,
    );
    server.plan(503);
    await feedback!({ session_id: "strict", score: 1 });
    await realSleep(200);
    expect(server.accepted()).toHaveLength(1);
    view.unmount();
    expect(listeners()).toBe(0);
  });

  it("case 13: an edit pending when its component unmounts with the whole tree is delivered", async () => {
    function EditTracker({ text }: { text: string }) {
      const feedback = useKeletSignal();
      const pending = useRef<FeedbackData | null>(null);
      useEffect(() => {
        // Debounced like the edit hook: nothing is sent while the user types.
        pending.current = { session_id: "doc-1", kind: "edit", trigger_name: "manual_refinement", value: `+${text}` };
        const timer = setTimeout(() => {
          if (pending.current) void feedback(pending.current).catch(() => {});
          pending.current = null;
        }, 3000);
        return () => clearTimeout(timer);
      }, [text, feedback]);
      useEffect(
        () => () => {
          // Unmount mid-debounce: the pending edit leaves now.
          if (pending.current) void feedback(pending.current).catch(() => {});
        },
        [feedback],
      );
      return null;
    }
    const view = render(
      <KeletProvider apiKey="pk_edit" project="p" baseUrl={server.origin}>
        <EditTracker text="fixed typo" />
      </KeletProvider>,
    );
    view.unmount();
    const [body] = await server.waitForAccepted(1);
    expect(body).toMatchObject({ session_id: "doc-1", kind: "edit", value: "+fixed typo" });
  });

  it("emits edits pending at page hide before the queue is flushed, in the same flush", async () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    const { context } = captureContext({ apiKey: "pk_hide", project: "p", baseUrl: server.origin });
    window.dispatchEvent(new Event("offline"));
    void context.feedback({ session_id: "queued", score: 1 }).catch(() => {});
    const off = subscribePageHide("emit-edits", () => void context.feedback({ session_id: "edit-at-hide", kind: "edit", value: "+x" }).catch(() => {}));
    window.dispatchEvent(new Event("pagehide"));
    off();
    const saved = JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith("kelet:unsent:"))!)!) as Array<{ body: string }>;
    expect(saved.map((r) => JSON.parse(r.body).session_id)).toEqual(["queued", "edit-at-hide"]);
  });
});

describe("bounded payloads", () => {
  it("truncates an oversized value with a marker and delivers the rest", async () => {
    const { context } = captureContext({ apiKey: "pk_big", project: "p", baseUrl: server.origin });
    await context.feedback({ session_id: "big", score: 0, value: "é".repeat(100_000) });
    const [request] = server.requests;
    expect(utf8Bytes(request!.body)).toBeLessThanOrEqual(MAX_SIGNAL_BYTES);
    expect(JSON.parse(request!.body).value).toMatch(/…\[truncated \d+ chars\]$/);
  });

  it("reports a signal still over the cap once, and never sends it", async () => {
    const onError = vi.fn();
    const { context } = captureContext({ apiKey: "pk_big", project: "p", baseUrl: server.origin, onError });
    await expect(context.feedback({ session_id: "huge", metadata: { blob: "x".repeat(100_000) } })).rejects.toThrow(
      /^Failed to submit feedback: signal is \d+ bytes, over the 32768-byte limit$/,
    );
    await realSleep(100);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(0);
  });
});

describe("debug", () => {
  it("logs each retry and wait of a signal", async () => {
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    server.plan(503);
    const { context } = captureContext({ apiKey: "pk_dbg", project: "p", baseUrl: server.origin, debug: true });
    await context.feedback({ session_id: "dbg", score: 1 });
    const lines = debug.mock.calls.map((call) => call.slice(0, 2).join(" "));
    expect(lines.some((line) => /HTTP 503, retrying in \d+ ms \(attempt 2 of 10\)/.test(line))).toBe(true);
    expect(lines.some((line) => line.includes("delivered"))).toBe(true);
  });
});
