// Adversarial review of the page-wide signal stream (issue 20, API.md E.23), through the public entries only.
import { act } from "@testing-library/react";
import { createRoot } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KeletProvider, onSignalEvent, useKelet, type SignalEvent } from "../../src";
import { createKeletClient, type KeletClient } from "../../src/core";
import { realSleep, settleLeftovers } from "../delivery/helpers";
import { useSignalServer } from "../support/signal-server";

const server = useSignalServer();
const clients: KeletClient[] = [];
const stops: Array<() => void> = [];
beforeEach(() => localStorage.clear());
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const client of clients.splice(0)) client.close();
  await settleLeftovers(20_000);
  vi.restoreAllMocks();
  localStorage.clear();
});

function listen(): SignalEvent[] {
  const events: SignalEvent[] = [];
  stops.push(onSignalEvent((event) => void events.push(event)));
  return events;
}

function client(options: { apiKey?: string; project?: string; baseUrl?: string } = {}): KeletClient {
  const created = createKeletClient({ apiKey: "pk_review_events", project: "p", baseUrl: server.origin, captureEvents: false, onError: () => {}, ...options });
  clients.push(created);
  return created;
}

const byId = (events: SignalEvent[]) => {
  const map = new Map<string, string[]>();
  for (const event of events) map.set(event.id, [...(map.get(event.id) ?? []), event.status]);
  return map;
};

describe("onSignalEvent: every signal ends in a status I can see", () => {
  it("a signal too large to send is reported as rejected, not left without any event", async () => {
    const events = listen();
    // value is truncated to fit; metadata cannot be, so the signal is refused.
    await expect(client().signal({ session_id: "s-big", score: 1, metadata: { blob: "x".repeat(40_000) } })).rejects.toThrow();
    expect(events.map((e) => e.status)).toEqual(["rejected"]);
    expect(events[0]!.error).toBeTruthy();
    expect(events[0]!.signal.session_id).toBe("s-big");
  });

  it("a signal dropped because the page's queue is full is reported as rejected", async () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    window.dispatchEvent(new Event("offline"));
    const events = listen();
    const sender = client();
    const outcomes: Array<Promise<unknown>> = [];
    // ~31 KB each: the 2 MiB in-memory cap is crossed after about 67 of them.
    for (let n = 0; n < 70; n++) outcomes.push(sender.signal({ session_id: `s-full-${n}`, score: 1, value: "v".repeat(31_000) }).then(() => "ok", (e: Error) => e.message));
    await realSleep(50);
    const settled = await Promise.race([Promise.all(outcomes.slice(0, 3)), realSleep(500).then(() => "pending")]);
    // The library tells the caller the oldest was dropped ...
    expect(settled).not.toBe("pending");
    const dropped = (settled as string[]).filter((m) => /queue full/.test(m));
    expect(dropped.length).toBeGreaterThan(0);
    // ... and the stream must say so too.
    const firstId = events.find((e) => e.signal.session_id === "s-full-0")!.id;
    expect(byId(events).get(firstId)).toEqual(["queued", "rejected"]);
  });

  it("a signal to a baseUrl that is not a URL is reported as rejected with the reason", async () => {
    const events = listen();
    const error = await client({ baseUrl: "http://[broken" }).signal({ session_id: "s-bad-url", score: 1 }).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(/baseUrl/);
    expect(events.map((e) => e.status)).toEqual(["rejected"]);
    expect(events[0]!.error).toMatch(/baseUrl/);
  });

  it("a refused signal is rejected exactly once, under the id it was queued with", async () => {
    server.plan(401);
    const events = listen();
    await expect(client().signal({ session_id: "s-401", score: 0 })).rejects.toThrow();
    await realSleep(100);
    expect([...byId(events).values()]).toEqual([["queued", "sending", "rejected"]]);
  });

  it("an invalid signal is reported once with the field named, and the key is nowhere in it", async () => {
    const events = listen();
    await expect(client({ apiKey: "pk_do_not_leak_me" }).signal({ session_id: "s-bad", score: 7 })).rejects.toThrow(/score/);
    expect(events.map((e) => e.status)).toEqual(["rejected"]);
    expect(events[0]!.error).toMatch(/score/);
    expect(JSON.stringify(events)).not.toContain("pk_do_not_leak_me");
  });
});

describe("onSignalEvent: the attempt an outcome belongs to", () => {
  it("after a 503 and a retry, the retrying event names attempt 1 and the delivered event attempt 2, as SignalEvent.attempt says", async () => {
    server.plan(503);
    const events = listen();
    await client().signal({ session_id: "s-attempts", score: 1 });
    expect(events.map((e) => [e.status, e.attempt])).toEqual([
      ["queued", undefined],
      ["sending", 1],
      ["retrying", 1],
      ["sending", 2],
      ["delivered", 2],
    ]);
  });
});

describe("onSignalEvent: listeners cannot hurt delivery", () => {
  it("a listener that throws, and one that unsubscribes itself mid-event, change nothing for the others or for delivery", async () => {
    const heard: string[] = [];
    vi.spyOn(console, "error").mockImplementation(() => {});
    stops.push(onSignalEvent(() => { throw new Error("analytics is down"); }));
    const off = onSignalEvent(() => off());
    stops.push(off);
    stops.push(onSignalEvent((e) => void heard.push(e.status)));
    await client().signal({ session_id: "s-throw", score: 1 });
    expect(heard).toEqual(["queued", "sending", "delivered"]);
    expect(server.accepted()).toHaveLength(1);
  });

  it("one listener hears signals of two providers in two React roots, each with its own project and never a key", async () => {
    const events = listen();
    const sends: Array<(n: string) => Promise<void>> = [];
    function Sender() {
      const { feedback } = useKelet();
      sends.push((session_id) => feedback({ session_id, score: 1 }));
      return null;
    }
    const roots = ["root-a", "root-b"].map((project) => {
      const container = document.body.appendChild(document.createElement("div"));
      const root = createRoot(container);
      act(() => root.render(<KeletProvider apiKey={`pk_${project}_key`} project={project} baseUrl={server.origin} captureEvents={false}><Sender /></KeletProvider>));
      return { root, container };
    });
    await Promise.all([sends[0]!("s-a"), sends[sends.length - 1]!("s-b")]);
    const delivered = events.filter((e) => e.status === "delivered").map((e) => `${e.project}:${e.signal.session_id}`).sort();
    expect(delivered).toEqual(["root-a:s-a", "root-b:s-b"]);
    expect(JSON.stringify(events)).not.toMatch(/pk_root-/);
    for (const { root, container } of roots) {
      act(() => root.unmount());
      container.remove();
    }
  });
});
