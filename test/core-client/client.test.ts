import { fireEvent } from "@testing-library/dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import {
  createKeletClient,
  FeedbackSubmitError,
  KeletConfigError,
  SignalValidationError,
  type KeletClient,
  type KeletClientOptions,
} from "../../src/core";
import { useSignalServer } from "../support/signal-server";

const server = useSignalServer();

// Every client a test opens is closed after it, so document listeners never leak into the next test.
const opened: KeletClient[] = [];
function client(options: Partial<KeletClientOptions> = {}): KeletClient {
  const created = createKeletClient({ apiKey: "pk_core", project: "core", baseUrl: server.origin, ...options });
  opened.push(created);
  return created;
}

/** Clicks a button; `onClick` runs while the click is handled (what a signal sent from it carries as $dom_event). */
function clickButton<T>(label = "Helpful", onClick?: () => T): T | undefined {
  const button = document.createElement("button");
  button.textContent = label;
  document.body.append(button);
  let result: T | undefined;
  button.addEventListener("click", () => (result = onClick?.()));
  fireEvent.click(button, { clientX: 5, clientY: 6 });
  button.remove();
  return result;
}

const lastBody = () => JSON.parse(server.requests.at(-1)!.body) as Record<string, any>;
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(() => resetLogOnce());
afterEach(() => {
  for (const created of opened.splice(0)) created.close();
  vi.unstubAllEnvs();
});

describe("createKeletClient (@kelet-ai/feedback-ui/core)", () => {
  it("sends a signal to the project's endpoint with exactly the two headers, and resolves once delivered", async () => {
    await expect(client().signal({ session_id: "s-1", score: 1, trigger_name: "user-vote" })).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.url).toBe("/api/projects/core/signal");
    expect(request!.headers.authorization).toBe("Bearer pk_core");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(lastBody()).toMatchObject({ session_id: "s-1", score: 1, kind: "feedback", source: "human", trigger_name: "user-vote" });
    expect(Date.parse(lastBody().timestamp)).not.toBeNaN();
  });

  it("rejects with the 1.3 message and tells onError once when the API refuses the signal", async () => {
    server.plan(403);
    const onError = vi.fn();
    const error = await client({ onError }).signal({ session_id: "s", score: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedbackSubmitError);
    expect((error as Error).message).toBe("Failed to submit feedback: Forbidden");
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![1]).toMatchObject({ session_id: "s", score: 0 });
  });

  it("rejects an invalid signal with the field named, tells onError, and sends nothing", async () => {
    const onError = vi.fn();
    const kelet = client({ onError });
    const error = await kelet.signal({ session_id: "s", score: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignalValidationError);
    expect((error as SignalValidationError).field).toBe("score");
    expect(onError).toHaveBeenCalledTimes(1);
    await settle();
    expect(server.requests).toHaveLength(0);
  });

  it("throws the provider's error in development when the key is missing", () => {
    expect(() => createKeletClient({ apiKey: "", project: "p" })).toThrow(
      new Error("apiKey is required either directly or from a parent KeletProvider"),
    );
  });

  it("refuses a secret key in development, pointing to the publishable key", () => {
    expect(() => createKeletClient({ apiKey: "sk_live_123", project: "p" })).toThrow(/publishable key \(pk-kelet-/);
  });

  it("in production turns itself off: logs once, never sends a secret key, every signal resolves and reaches onError", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const onError = vi.fn();
    const first = client({ apiKey: "sk_live_1", onError });
    const second = client({ apiKey: "sk_live_1", onError });
    await expect(first.signal({ session_id: "s", score: 1 })).resolves.toBeUndefined();
    await expect(second.signal({ session_id: "s", score: 0 })).resolves.toBeUndefined();
    expect(consoleError.mock.calls.filter((call) => String(call[0]).includes("telemetry is off"))).toHaveLength(1);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(KeletConfigError);
    await settle();
    expect(server.requests).toHaveLength(0);
  });

  it("in production still rejects a bad signal with an error that names the field and what it must be", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const onError = vi.fn();
    const kelet = client({ onError });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ session_id: "s", kind: "VOTE" }, /"kind" must be one of feedback, edit, event, metric, arbitrary, in any case/],
      [{ session_id: "s", score: 2 }, /"score" must be a finite number between 0 and 1/],
      [{ session_id: "s", metadata: ["a"] }, /"metadata" must be a JSON-serialisable plain object/],
      [{ score: 1 }, /"session_id" must be a non-empty string, or absent with trace_id set/],
    ];
    for (const [signal, message] of cases) {
      const sent = kelet.signal(signal as never);
      await expect(sent).rejects.toBeInstanceOf(SignalValidationError);
      await expect(sent).rejects.toThrow(message);
    }
    expect(onError).toHaveBeenCalledTimes(cases.length);
    await settle();
    expect(server.requests).toHaveLength(0);
  });

  it("while disabled demands no key, resolves at once and sends nothing", async () => {
    const kelet = client({ apiKey: "", disabled: true });
    await expect(kelet.signal({ session_id: "s", score: 1 })).resolves.toBeUndefined();
    await settle();
    expect(server.requests).toHaveLength(0);
  });

  it("sends through the fetch option", async () => {
    const calls: string[] = [];
    const kelet = client({ fetch: (url, init) => (calls.push(url), fetch(url, init)) });
    await kelet.signal({ session_id: "s", score: 1 });
    expect(calls).toEqual([`${server.origin}/api/projects/core/signal`]);
  });

  it("attaches the click that caused a signal as metadata.$dom_event", async () => {
    const kelet = client();
    await clickButton("Helpful", () => kelet.signal({ session_id: "s", score: 1, metadata: { answer: 3 } }));
    expect(lastBody().metadata).toMatchObject({ answer: 3, $dom_event: { type: "click", label: "Helpful", x: 5, y: 6 } });
  });

  it("with captureEvents: false attaches no $dom_event, even when another client on the page captures", async () => {
    client(); // another part of the page, capturing
    const quiet = client({ captureEvents: false });
    clickButton();
    await quiet.signal({ session_id: "s", score: 1 });
    expect(lastBody().metadata).toBeUndefined();
  });

  it("with captureEvents: false installs no document listeners", async () => {
    const added = vi.spyOn(document, "addEventListener");
    client({ captureEvents: false });
    expect(added.mock.calls.map((call) => call[0])).not.toContain("click");
    // Proven by what a capturing client created later sees: the click before it was never recorded.
    clickButton();
    const later = client();
    await later.signal({ session_id: "s", score: 1 });
    expect(lastBody().metadata).toBeUndefined();
  });

  describe("metadata is validated as the app gave it, whatever the last click", () => {
    it("rejects metadata that is an array when no user event is recent", async () => {
      await expect(client().signal({ session_id: "s", metadata: ["a"] as never })).rejects.toThrow(/"metadata"/);
    });

    it("rejects metadata that is an array right after a click too", async () => {
      const kelet = client();
      clickButton();
      await expect(kelet.signal({ session_id: "s", metadata: ["a"] as never })).rejects.toThrow(/"metadata"/);
      await settle();
      expect(server.requests).toHaveLength(0);
    });

    it("keeps an app's own $dom_event", async () => {
      const kelet = client();
      clickButton();
      await kelet.signal({ session_id: "s", metadata: { $dom_event: "mine" } });
      expect(lastBody().metadata).toEqual({ $dom_event: "mine" });
    });
  });

  describe("close()", () => {
    it("removes the document listeners it installed, and may be called twice", async () => {
      const kelet = client();
      kelet.close();
      kelet.close();
      clickButton();
      const later = client();
      await later.signal({ session_id: "s", score: 1 });
      expect(lastBody().metadata).toBeUndefined();
    });

    it("closing one client leaves another's capture running", async () => {
      const first = client();
      const second = client();
      first.close();
      first.close(); // a second close must not release the other client's hold
      await clickButton("Still heard", () => second.signal({ session_id: "s", score: 1 }));
      expect(lastBody().metadata.$dom_event).toMatchObject({ type: "click", label: "Still heard" });
    });

    it("still delivers a signal sent after close, as a provider's after unmount", async () => {
      const kelet = client();
      kelet.close();
      await expect(kelet.signal({ session_id: "after-close", score: 1 })).resolves.toBeUndefined();
      expect(server.accepted().map((body) => body.session_id)).toEqual(["after-close"]);
    });

    it("lets a signal already in flight settle", async () => {
      server.plan({ status: 200, delayMs: 200 });
      const kelet = client();
      const sent = kelet.signal({ session_id: "in-flight", score: 1 });
      kelet.close();
      await expect(sent).resolves.toBeUndefined();
      expect(server.accepted()).toHaveLength(1);
    });
  });
});
