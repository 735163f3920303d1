import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_STORED_SIGNALS, STORED_SIGNAL_MAX_AGE_MS } from "../../src/core/delivery/constants";
import { createSignalStore, destinationKey } from "../../src/core/delivery/signal-store";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { realSleep, track, settleLeftovers } from "./helpers";

const server = useSignalServer();
afterEach(() => settleLeftovers());
beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

function setBrowserOnline(online: boolean) {
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(online);
  window.dispatchEvent(new Event(online ? "online" : "offline"));
}

function leavePage() {
  window.dispatchEvent(new Event("pagehide"));
}

function provider(onError = vi.fn()) {
  const { context, view } = captureContext({ apiKey: "pk_store", project: "p", baseUrl: server.origin, onError });
  return { feedback: context.feedback, onError, view };
}

function storedKeys(): string[] {
  return Object.keys(localStorage).filter((key) => key.startsWith("kelet:unsent:"));
}

describe("signals that cannot leave are kept for the next load", () => {
  it("saves what is waiting when the page is left offline, and the next page sends each one once", async () => {
    const first = provider();
    setBrowserOnline(false);
    void first.feedback({ session_id: "kept-1", score: 1 }).catch(() => {});
    void first.feedback({ session_id: "kept-2", score: 0 }).catch(() => {});
    leavePage();
    const keys = storedKeys();
    expect(keys).toHaveLength(1);
    const saved = localStorage.getItem(keys[0]!)!;
    expect(JSON.parse(saved)).toHaveLength(2);
    expect(saved).not.toContain("pk_store");
    expect(keys[0]).not.toContain("pk_store");
    first.view.unmount();

    setBrowserOnline(true);
    const second = provider();
    const bodies = await server.waitForAccepted(2);
    expect(bodies.map((b) => b.session_id).sort()).toEqual(["kept-1", "kept-2"]);
    await realSleep(300);
    expect(server.requests).toHaveLength(2);
    expect(storedKeys()).toHaveLength(0);
    expect(second.onError).not.toHaveBeenCalled();
  });

  it("keeps saved signals apart per base URL, project and key", async () => {
    // What an earlier page saved for project "p" with key pk_store.
    createSignalStore(destinationKey({ baseUrl: server.origin, project: "p", apiKey: "pk_store" }), "this-tab").save([{ id: "earlier", body: JSON.stringify({ session_id: "other-project" }), queuedAtMs: Date.now() }]);
    render(<KeletProvider apiKey="pk_store" project="another" baseUrl={server.origin} />);
    render(<KeletProvider apiKey="pk_other" project="p" baseUrl={server.origin} />);
    await realSleep(300);
    expect(server.requests).toHaveLength(0);
    expect(storedKeys()).toHaveLength(1);
  });

  it("case 11: storage that throws on write raises nothing, and delivery continues from memory", async () => {
    const consoleError = vi.spyOn(console, "error");
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    const { feedback, onError } = provider();
    setBrowserOnline(false);
    const result = track(feedback({ session_id: "memory-only", score: 1 }));
    expect(() => leavePage()).not.toThrow();
    expect(() => document.dispatchEvent(new Event("visibilitychange"))).not.toThrow();
    setBrowserOnline(true);
    while (!result.settled) await realSleep(20);
    expect(result.error).toBeUndefined();
    expect(server.accepted().map((b) => b.session_id)).toEqual(["memory-only"]);
    expect(onError).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("case 11: disabled storage (the property itself throws) raises nothing, and delivery continues", async () => {
    const denied = vi.spyOn(window, "localStorage", "get").mockImplementation(() => {
      throw new DOMException("Access is denied", "SecurityError");
    });
    const { feedback } = provider();
    setBrowserOnline(false);
    const result = track(feedback({ session_id: "no-storage", score: 1 }));
    expect(() => leavePage()).not.toThrow();
    setBrowserOnline(true);
    while (!result.settled) await realSleep(20);
    expect(result.error).toBeUndefined();
    expect(server.accepted()).toHaveLength(1);
    denied.mockRestore();
  });
  it("case 11: storage that breaks after a signal was saved still lets it go out from memory", async () => {
    const { feedback } = provider();
    setBrowserOnline(false);
    const result = track(feedback({ session_id: "saved-then-broken", score: 1 }));
    leavePage();
    expect(storedKeys()).toHaveLength(1);
    const broken = vi.spyOn(window, "localStorage", "get").mockImplementation(() => {
      throw new DOMException("Access is denied", "SecurityError");
    });
    setBrowserOnline(true);
    while (!result.settled) await realSleep(20);
    broken.mockRestore();
    expect(result.error).toBeUndefined();
    expect(server.accepted().map((b) => b.session_id)).toEqual(["saved-then-broken"]);
  });
});

describe("the saved-signal store", () => {
  it("drops signals older than the age limit", async () => {
    const store = createSignalStore(destinationKey({ baseUrl: "https://api.test", project: "p", apiKey: "pk_1" }), "this-tab");
    const nowMs = Date.now();
    store.save([
      { id: "old", body: "{}", queuedAtMs: nowMs - STORED_SIGNAL_MAX_AGE_MS - 1 },
      { id: "new", body: "{}", queuedAtMs: nowMs },
    ]);
    expect((await store.claimAll())?.map((r) => r.id)).toEqual(["new"]);
    expect(await store.claimAll()).toEqual([]);
  });

  it("keeps at most the newest signals when over its count cap, and says which it dropped", () => {
    const store = createSignalStore(destinationKey({ baseUrl: "https://api.test", project: "p", apiKey: "pk_1" }), "this-tab");
    const records = Array.from({ length: MAX_STORED_SIGNALS + 3 }, (_, n) => ({ id: `r${n}`, body: "{}", queuedAtMs: Date.now() - 1000 + n, stored: false }));
    const first = records.slice(0, MAX_STORED_SIGNALS);
    store.save(first);
    expect(first.filter((r) => r.stored)).toHaveLength(MAX_STORED_SIGNALS);
    const second = records.slice(MAX_STORED_SIGNALS);
    expect(store.save(second).map((r) => r.id)).toEqual(["r0", "r1", "r2"]);
    expect(second.filter((r) => r.stored)).toHaveLength(3);
  });

  it("lets only one of two claimers take the saved signals", async () => {
    const store = createSignalStore(destinationKey({ baseUrl: "https://api.test", project: "p", apiKey: "pk_1" }), "this-tab");
    store.save([{ id: "only-once", body: "{}", queuedAtMs: Date.now() }]);
    const [a, b] = await Promise.all([store.claimAll(), createSignalStore(destinationKey({ baseUrl: "https://api.test", project: "p", apiKey: "pk_1" }), "this-tab").claimAll()]);
    expect([...(a ?? []), ...(b ?? [])].map((r) => r.id)).toEqual(["only-once"]);
  });
});
