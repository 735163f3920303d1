import { act } from "@testing-library/react";
import { createRoot } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createKeletClient, onSignalEvent as onSignalEventFromCore, type KeletClient } from "../../src/core";
import { createSignalStore, destinationKey } from "../../src/core/delivery/signal-store";
import { KeletProvider, onSignalEvent, useKelet, type SignalEvent } from "../../src";
import { realSleep, settleLeftovers, track } from "../delivery/helpers";
import { useSignalServer } from "../support/signal-server";

const server = useSignalServer();
const clients: KeletClient[] = [];
const stops: Array<() => void> = [];
beforeEach(() => localStorage.clear());
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const client of clients.splice(0)) client.close();
  await settleLeftovers();
  vi.restoreAllMocks();
  localStorage.clear();
});

function listen(): SignalEvent[] {
  const events: SignalEvent[] = [];
  stops.push(onSignalEvent((event) => void events.push(event)));
  return events;
}

function client(apiKey = "pk_events", project = "p"): KeletClient {
  const created = createKeletClient({ apiKey, project, baseUrl: server.origin, captureEvents: false, onError: () => {} });
  clients.push(created);
  return created;
}

function setBrowserOnline(online: boolean) {
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(online);
  window.dispatchEvent(new Event(online ? "online" : "offline"));
}

async function waitUntil(done: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await realSleep(20);
  }
}

const statuses = (events: SignalEvent[]) => events.map((e) => e.status);

describe("onSignalEvent tells every step of every signal", () => {
  it("a delivered signal is queued, sent and delivered, under one id, with the body as sent and never the key", async () => {
    const events = listen();
    await client("pk_secret_looking_key").signal({ session_id: "s-1", score: 1, trigger_name: "user-vote" });
    expect(statuses(events)).toEqual(["queued", "sending", "delivered"]);
    expect(new Set(events.map((e) => e.id)).size).toBe(1);
    expect(events[1]).toMatchObject({ attempt: 1, project: "p", baseUrl: server.origin });
    expect(events[0]!.signal).toEqual(server.accepted()[0]);
    expect(JSON.stringify(events)).not.toContain("pk_secret_looking_key");
    expect(events.every((e, n) => typeof e.at == "number" && (n == 0 || e.at >= events[n - 1]!.at))).toBe(true);
  });

  it("a retried signal shows the failed attempt, its status and wait, then the attempt that went through", async () => {
    server.plan(503);
    const events = listen();
    await client().signal({ session_id: "s-retry", score: 0 });
    expect(statuses(events)).toEqual(["queued", "sending", "retrying", "sending", "delivered"]);
    expect(events[1]).toMatchObject({ attempt: 1 });
    expect(events[2]).toMatchObject({ httpStatus: 503, error: "HTTP 503" });
    expect(events[2]!.retryInMs).toBeGreaterThan(0);
    expect(events[3]).toMatchObject({ attempt: 2 });
  });

  it("a refused signal is rejected with the server's status and reason", async () => {
    server.plan(401);
    const events = listen();
    await expect(client().signal({ session_id: "s-401", score: 1 })).rejects.toThrow();
    expect(statuses(events)).toEqual(["queued", "sending", "rejected"]);
    expect(events[2]).toMatchObject({ httpStatus: 401 });
    expect(events[2]!.error).toMatch(/Failed to submit feedback/);
  });

  it("an invalid signal is reported too, rejected with the validation error, and nothing is sent", async () => {
    const events = listen();
    await expect(client().signal({ session_id: "s-bad", score: 7 })).rejects.toThrow(/score/);
    expect(statuses(events)).toEqual(["rejected"]);
    expect(events[0]!.error).toMatch(/Invalid feedback signal: "score"/);
    expect(events[0]).toMatchObject({ project: "p", baseUrl: server.origin, signal: { session_id: "s-bad", score: 7 } });
    expect(server.requests).toHaveLength(0);
  });

  it("a signal left offline is saved, and sent under the same id once the page is back online", async () => {
    const events = listen();
    setBrowserOnline(false);
    const result = track(client().signal({ session_id: "s-saved", score: 1 }));
    window.dispatchEvent(new Event("pagehide"));
    expect(statuses(events)).toEqual(["queued", "saved"]);
    window.dispatchEvent(new Event("pagehide")); // hidden again: it is still the same saved copy
    expect(statuses(events)).toEqual(["queued", "saved"]);
    setBrowserOnline(true);
    await waitUntil(() => result.settled);
    expect(statuses(events)).toEqual(["queued", "saved", "sending", "delivered"]);
    expect(new Set(events.map((e) => e.id)).size).toBe(1);
  });

  it("a signal an earlier visit saved is sent by the next one under the id it was saved with", async () => {
    const body = JSON.stringify({ session_id: "s-earlier", score: 0 });
    const destination = destinationKey({ baseUrl: server.origin, project: "p", apiKey: "pk_next_visit" });
    createSignalStore(destination, "earlier-page").save([{ id: "saved-id-1", body, queuedAtMs: Date.now(), settled: true, stored: false }]);
    const events = listen();
    client("pk_next_visit"); // the next visit drains what the earlier one saved
    await server.waitForAccepted(1);
    await waitUntil(() => events.at(-1)?.status == "delivered");
    expect(statuses(events)).toEqual(["queued", "sending", "delivered"]);
    expect(events.map((e) => e.id)).toEqual(["saved-id-1", "saved-id-1", "saved-id-1"]);
    expect(events[0]!.signal).toEqual(JSON.parse(body));
  });

  it("a saved signal another tab took is handed over, under the id the other tab sends it with", async () => {
    const events = listen();
    setBrowserOnline(false);
    const result = track(client("pk_tabs").signal({ session_id: "s-handed", score: 1 }));
    window.dispatchEvent(new Event("pagehide"));
    const claimed = await createSignalStore(destinationKey({ baseUrl: server.origin, project: "p", apiKey: "pk_tabs" }), "other-tab").claimAll();
    setBrowserOnline(true);
    await waitUntil(() => result.settled);
    expect(statuses(events)).toEqual(["queued", "saved", "handed-over"]);
    expect(claimed?.map((r) => r.id)).toEqual([events[0]!.id]);
    expect(server.requests).toHaveLength(0);
  });

  it("one listener hears the providers of two React roots", async () => {
    const events = listen();
    const feedbacks: Record<string, ReturnType<typeof useKelet>["feedback"]> = {};
    function Grab({ name }: { name: string }) {
      feedbacks[name] = useKelet().feedback;
      return null;
    }
    const roots = ["chat", "docs"].map((project) => {
      const container = document.body.appendChild(document.createElement("div"));
      const root = createRoot(container);
      act(() =>
        root.render(
          <KeletProvider apiKey="pk_roots" project={project} baseUrl={server.origin} captureEvents={false}>
            <Grab name={project} />
          </KeletProvider>,
        ),
      );
      return root;
    });
    await Promise.all([feedbacks.chat!({ session_id: "a", score: 1 }), feedbacks.docs!({ session_id: "b", score: 0 })]);
    const delivered = events.filter((e) => e.status == "delivered");
    expect(delivered.map((e) => e.project).sort()).toEqual(["chat", "docs"]);
    act(() => roots.forEach((root) => root.unmount()));
  });

  it("/core and the root entry share one stream", async () => {
    const fromCore: SignalEvent[] = [];
    stops.push(onSignalEventFromCore((event) => void fromCore.push(event)));
    const fromRoot = listen();
    await client().signal({ session_id: "s-both", score: 1 });
    expect(statuses(fromCore)).toEqual(statuses(fromRoot));
    expect(fromCore).toHaveLength(3);
  });

  it("a listener that throws changes nothing: the signal is delivered, and the other listeners hear every step", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    stops.push(
      onSignalEvent(() => {
        throw new Error("the app's analytics broke");
      }),
    );
    const events = listen();
    server.plan(503);
    const sent = client();
    await expect(sent.signal({ session_id: "s-throw", score: 1 })).resolves.toBeUndefined();
    await expect(sent.signal({ session_id: "s-throw", score: 9 })).rejects.toThrow(/score/);
    expect(statuses(events)).toEqual(["queued", "sending", "retrying", "sending", "delivered", "rejected"]);
    expect(server.accepted()).toEqual([expect.objectContaining({ session_id: "s-throw", score: 1 })]);
    expect(server.accepted()).toHaveLength(1);
    expect(consoleError).toHaveBeenCalledWith("[kelet] a signal listener failed:", expect.any(Error));
  });

  it("after unsubscribing a listener hears nothing more, and the same function subscribed twice is removed once each", async () => {
    const heard: string[] = [];
    const listener = (event: SignalEvent) => void heard.push(event.status);
    const stopFirst = onSignalEvent(listener);
    const stopSecond = onSignalEvent(listener);
    await client().signal({ session_id: "s-unsub", score: 1 });
    expect(heard).toHaveLength(6);
    stopFirst();
    stopFirst();
    await client().signal({ session_id: "s-unsub", score: 0 });
    expect(heard).toHaveLength(9);
    stopSecond();
    await client().signal({ session_id: "s-unsub", score: 1 });
    expect(heard).toHaveLength(9);
  });
});
