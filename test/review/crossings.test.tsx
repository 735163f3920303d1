import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { destinationKey } from "../../src/core/delivery/signal-store";
import { createKeletClient } from "../../src/core/index";
import { KeletProvider } from "../../src/index";
import { captureContext } from "../support/capture-context";
import { useSignalServer, type ReceivedRequest } from "../support/signal-server";
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

function pageBack() {
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
  const show = new Event("pageshow");
  Object.defineProperty(show, "persisted", { value: true });
  window.dispatchEvent(show);
  document.dispatchEvent(new Event("visibilitychange"));
}
const savedText = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith("kelet:unsent:"))
    .map((key) => localStorage.getItem(key) ?? "")
    .join("\n");
const bytes = (text: string) => new TextEncoder().encode(text).length;
const triggerOf = (request: ReceivedRequest) => (request.method == "POST" ? (JSON.parse(request.body).trigger_name as string) : undefined); // development also sends a GET no-cors probe of a failing origin

describe("persist off in one provider, on in another, same destination", () => {
  it("my private vote sent through a persist-off provider is never written to storage, even when a persisting provider shares its destination", async () => {
    const props = { apiKey: "pk_shared_dest", project: "p", baseUrl: server.origin };
    const privateOnError = vi.fn();
    const open = captureContext({ ...props, onError: vi.fn() });
    const priv = captureContext({ ...props, persist: false, onError: privateOnError });
    setBrowserOnline(false);
    const kept = track(open.context.feedback({ session_id: "open-session", score: 1 }));
    const secret = track(priv.context.feedback({ session_id: "private-session", score: 0 }));
    closePage();
    await realSleep(50);
    expect(savedText()).toContain("open-session");
    expect(savedText()).not.toContain("private-session");
    expect(secret.settled).toBe(true);
    expect(secret.error?.message).toMatch(/persist is off/);
    expect(privateOnError).toHaveBeenCalledTimes(1);
    void kept;
    setBrowserOnline(true);
    pageBack();
  });

  it("my persist-off vote made first and a persisting vote of the same session after it: only the persisting one is saved, and the private one is never sent twice", async () => {
    const props = { apiKey: "pk_shared_order", project: "p", baseUrl: server.origin };
    const priv = captureContext({ ...props, persist: false, onError: vi.fn() });
    const open = captureContext({ ...props, onError: vi.fn() });
    setBrowserOnline(false);
    void priv.context.feedback({ session_id: "same", score: 0, trigger_name: "private" }).catch(() => {});
    void open.context.feedback({ session_id: "same", score: 1, trigger_name: "open" }).catch(() => {});
    closePage();
    await realSleep(50);
    expect(savedText()).not.toContain('"private"');
    setBrowserOnline(true);
    pageBack();
    await waitUntil(() => server.accepted().length >= 2);
    await realSleep(300);
    expect(server.accepted().map((b) => b.trigger_name)).toEqual(["private", "open"]);
  });
});

describe("page closed while a retry with Retry-After waits (persist off)", () => {
  it("with persist off, my vote that the server asked to retry in 2 s is rejected once when I leave, and if the page comes back it is sent once, not sooner than asked", async () => {
    server.plan({ status: 429, headers: { "Retry-After": "2" } });
    const onError = vi.fn();
    const { context } = captureContext({ apiKey: "pk_bf_retry", project: "p", baseUrl: server.origin, persist: false, onError });
    const vote = track(context.feedback({ session_id: "bf", score: 1, trigger_name: "vote" }));
    await waitUntil(() => server.requests.length == 1);
    await realSleep(50);
    closePage();
    await realSleep(20);
    expect(vote.settled).toBe(true);
    expect(vote.error?.message).toMatch(/persist is off/);
    expect(server.requests).toHaveLength(1);
    pageBack();
    await waitUntil(() => server.accepted().length == 1, 8000);
    await realSleep(500);
    const [first, retry] = server.requests;
    expect(retry!.receivedAtMs - first!.receivedAtMs).toBeGreaterThanOrEqual(1950);
    expect(server.requests).toHaveLength(2);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("a comment written while its vote waits for Retry-After is not raced out when the page closes, even with a keepalive budget free", async () => {
    server.plan({ status: 503, headers: { "Retry-After": "3" } });
    const { context } = captureContext({ apiKey: "pk_close_order", project: "p", baseUrl: server.origin, onError: () => {} });
    void context.feedback({ session_id: "chat", score: 0, trigger_name: "vote" }).catch(() => {});
    await waitUntil(() => server.requests.length == 1);
    await realSleep(50);
    void context.feedback({ session_id: "chat", value: "why", trigger_name: "comment" }).catch(() => {});
    closePage();
    await realSleep(500);
    // Nothing of the session may leave before the vote's Retry-After.
    expect(server.requests.map(triggerOf)).toEqual(["vote"]);
    const saved = savedText();
    expect(saved).toContain("vote");
    expect(saved).toContain("comment");
    expect(saved.indexOf('\\"vote\\"')).toBeLessThan(saved.indexOf('\\"comment\\"'));
    pageBack();
  });
});

describe("a key no header can carry", () => {
  it("a key with a pasted zero-width space fails at once even while the browser is offline, and is never saved when I leave", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const onError = vi.fn();
    setBrowserOnline(false);
    const broken = captureContext({ apiKey: "pk_abc\u200bdef", project: "zw", baseUrl: server.origin, onError });
    const signal = track(broken.context.feedback({ session_id: "zwsp-offline", score: 1 }));
    await realSleep(300);
    expect(signal.settled).toBe(true);
    expect(signal.error?.message).toMatch(/U\+200B/);
    closePage();
    expect(savedText()).not.toContain("zwsp-offline");
    expect(onError).toHaveBeenCalledTimes(1);
    setBrowserOnline(true);
    pageBack();
  });

  it("a /core client with a zero-width space in its key does not make a healthy provider of another project think it is offline", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = createKeletClient({ apiKey: "pk_abc\u200bdef", project: "zw", baseUrl: server.origin, onError: () => {} });
    const failures = [1, 2, 3].map((n) => track(broken.signal({ session_id: `zw-${n}`, score: 1 })));
    await waitUntil(() => failures.every((f) => f.settled), 2000);
    const healthy = captureContext({ apiKey: "pk_healthy", project: "other", baseUrl: server.origin });
    const ok = track(healthy.context.feedback({ session_id: "healthy", score: 1 }));
    await waitUntil(() => ok.settled, 1500);
    expect(ok.error).toBeUndefined();
    broken.close();
  });
});

describe("long values at the 32 KiB cap", () => {
  const base = { session_id: "cap", kind: "edit" as const, timestamp: "2026-01-01T00:00:00.000Z" };

  it("a value made of characters JSON must escape is cut so the body fits 32 KiB, and is delivered, not rejected", async () => {
    const value = "\u0001\"\\\n".repeat(10_000);
    const { context } = captureContext({ apiKey: "pk_cap_escape", project: "p", baseUrl: server.origin, captureEvents: false, onError: () => {} });
    const result = track(context.feedback({ ...base, value }));
    await waitUntil(() => result.settled);
    expect(result.error).toBeUndefined();
    const body = server.requests[0]!.body;
    expect(bytes(body)).toBeLessThanOrEqual(32 * 1024);
    const sent = JSON.parse(body).value as string;
    const kept = sent.replace(/…\[truncated \d+ chars\]$/, "");
    expect(value.startsWith(kept)).toBe(true);
    expect(sent).toBe(`${kept}…[truncated ${value.length - kept.length} chars]`);
    expect(bytes(body)).toBeGreaterThan(32 * 1024 - 64);
  });

  it("a value with lone surrogates (a string cut by the app) is cut so the body as sent fits 32 KiB", async () => {
    const value = "\ud83d".repeat(12_000);
    const { context } = captureContext({ apiKey: "pk_cap_lone", project: "p", baseUrl: server.origin, captureEvents: false, onError: () => {} });
    const result = track(context.feedback({ ...base, value }));
    await waitUntil(() => result.settled);
    expect(result.error).toBeUndefined();
    expect(bytes(server.requests[0]!.body)).toBeLessThanOrEqual(32 * 1024);
  });

  it("a CJK body of exactly 32,768 bytes goes out untouched, and one byte more is cut", async () => {
    const { context } = captureContext({ apiKey: "pk_cap_exact", project: "p", baseUrl: server.origin, captureEvents: false, onError: () => {} });
    await context.feedback({ ...base, value: "" });
    const overhead = bytes(server.requests[0]!.body);
    // "好" is 3 bytes, "a" is one: fill to exactly 32,768.
    const room = 32 * 1024 - overhead;
    const exact = "好".repeat(Math.floor(room / 3)) + "a".repeat(room % 3);
    await context.feedback({ ...base, value: exact });
    expect(bytes(server.requests[1]!.body)).toBe(32 * 1024);
    expect(JSON.parse(server.requests[1]!.body).value).toBe(exact);
    await context.feedback({ ...base, value: exact + "a" });
    const cut = JSON.parse(server.requests[2]!.body).value as string;
    expect(cut).toMatch(/…\[truncated \d+ chars\]$/);
    expect(bytes(server.requests[2]!.body)).toBeLessThanOrEqual(32 * 1024);
  });

  it("an emoji value whose cut would fall inside a surrogate pair never sends half an emoji", async () => {
    const { context } = captureContext({ apiKey: "pk_cap_emoji", project: "p", baseUrl: server.origin, captureEvents: false, onError: () => {} });
    for (const lead of ["", "a", "ab", "abc"]) {
      const value = lead + "😀".repeat(9_000);
      await context.feedback({ ...base, value });
    }
    for (const request of server.requests) {
      const sent = JSON.parse(request.body).value as string;
      expect(bytes(request.body)).toBeLessThanOrEqual(32 * 1024);
      expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(sent)).toBe(false);
      expect(request.body).not.toMatch(/\\ud[89ab]/i);
    }
  });
});

describe("a provider reconfigured while its signals wait", () => {
  it("my vote waiting for its Retry-After is still sent with the key it was made with after the app switches keys", async () => {
    server.plan({ status: 429, headers: { "Retry-After": "1" } });
    const seen: { feedback?: (d: never) => Promise<void> } = {};
    const { context, view } = captureContext({ apiKey: "pk_old_key", project: "p", baseUrl: server.origin, onError: () => {} });
    const vote = track(context.feedback({ session_id: "rekey", score: 1 }));
    await waitUntil(() => server.requests.length == 1);
    await realSleep(50);
    view.rerender(<KeletProvider apiKey="pk_new_key" project="p2" baseUrl={server.origin} />);
    await waitUntil(() => vote.settled, 8000);
    expect(vote.error).toBeUndefined();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.headers.authorization).toBe("Bearer pk_old_key");
    expect(server.requests[1]!.url).toBe("/api/projects/p/signal");
    expect(server.requests[1]!.receivedAtMs - server.requests[0]!.receivedAtMs).toBeGreaterThanOrEqual(950);
    void seen;
  });

  it("unmounting the provider while my vote waits for its Retry-After leaves no promise pending", async () => {
    server.plan({ status: 503, headers: { "Retry-After": "1" } });
    const { context, view } = captureContext({ apiKey: "pk_unmount_wait", project: "p", baseUrl: server.origin, onError: () => {} });
    const vote = track(context.feedback({ session_id: "gone", score: 1 }));
    await waitUntil(() => server.requests.length == 1);
    await realSleep(50);
    view.unmount();
    await waitUntil(() => vote.settled, 8000);
    expect(vote.error).toBeUndefined();
    expect(server.accepted()).toHaveLength(1);
  });
});

describe("saved records an earlier page left", () => {
  const unsentKey = (apiKey: string) => `kelet:unsent:${destinationKey({ baseUrl: server.origin, project: "p", apiKey })}`;

  it("a saved record with an unreadable retry time or a strange shape does not keep the good ones from going out", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const now = Date.now();
    localStorage.setItem(
      unsentKey("pk_odd_records"),
      JSON.stringify([
        { id: "good-1", body: JSON.stringify({ session_id: "good-1", score: 1 }), queuedAtMs: now - 5000 },
        { id: "bad-notbefore", body: JSON.stringify({ session_id: "odd-nb", score: 1 }), queuedAtMs: now - 4000, notBeforeMs: "soon" },
        { id: "string-time", body: JSON.stringify({ session_id: "odd-time", score: 1 }), queuedAtMs: String(now - 3000) },
        { id: 7, body: JSON.stringify({ session_id: "odd-id", score: 1 }), queuedAtMs: now - 2500 },
        { id: "body-object", body: { session_id: "odd-obj", score: 1 }, queuedAtMs: now - 2200 },
        { id: "good-2", body: JSON.stringify({ session_id: "good-2", score: 0 }), queuedAtMs: now - 2000 },
      ]),
    );
    render(<KeletProvider apiKey="pk_odd_records" project="p" baseUrl={server.origin} />);
    await waitUntil(() => server.accepted().some((b) => b.session_id == "good-1") && server.accepted().some((b) => b.session_id == "good-2"), 6000);
    await realSleep(500);
    const sessions = server.accepted().map((b) => b.session_id);
    expect(new Set(sessions).size).toBe(sessions.length);
  });

  it("a saved vote dated far in the future (clock moved back) still goes out, not after a year", async () => {
    const now = Date.now();
    localStorage.setItem(
      unsentKey("pk_future_notbefore"),
      JSON.stringify([{ id: "future", body: JSON.stringify({ session_id: "future", score: 1 }), queuedAtMs: now - 1000, notBeforeMs: now + 365 * 24 * 3600 * 1000 }]),
    );
    render(<KeletProvider apiKey="pk_future_notbefore" project="p" baseUrl={server.origin} />);
    await server.waitForAccepted(1, 25_000);
  }, 30_000);

  it("a lease with a time JSON reads as Infinity counts as expired", async () => {
    const destination = destinationKey({ baseUrl: server.origin, project: "p", apiKey: "pk_inf_lease" });
    localStorage.setItem(`kelet:unsent:${destination}`, JSON.stringify([{ id: "w", body: JSON.stringify({ session_id: "inf", score: 1 }), queuedAtMs: Date.now() - 1000 }]));
    localStorage.setItem(`kelet:drain:${destination}:lease`, '{"owner":"other","untilMs":1e400}');
    render(<KeletProvider apiKey="pk_inf_lease" project="p" baseUrl={server.origin} />);
    await server.waitForAccepted(1, 6000);
  });
});
