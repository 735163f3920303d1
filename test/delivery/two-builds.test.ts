import { afterEach, describe, expect, it, vi } from "vitest";
import type * as SignalSenderModule from "../../src/core/signal-sender";
import { useSignalServer } from "../support/signal-server";
import { realSleep, settleLeftovers, track } from "./helpers";

const server = useSignalServer();
afterEach(() => settleLeftovers());

/** A fresh copy of the delivery modules, as a second build (ESM next to CJS) of the package would load. */
async function loadAnotherCopy(): Promise<typeof SignalSenderModule> {
  vi.resetModules();
  return import("../../src/core/signal-sender");
}

describe("one delivery service per page, whichever build loaded it", () => {
  it("two copies of the library on one page share one queue per destination: a session's signals still go one at a time, in order", async () => {
    const first = await loadAnotherCopy();
    const second = await loadAnotherCopy();
    expect(first.createSignalSender).not.toBe(second.createSignalSender);
    server.plan({ status: 200, delayMs: 400 });
    const target = { apiKey: "pk_builds", project: "p", baseUrl: server.origin };
    const a = first.createSignalSender(target);
    const b = second.createSignalSender(target);
    const releases = [a.start(), b.start()];
    const signal = (trigger_name: string) => ({ session_id: "one-chat", kind: "feedback" as const, source: "human" as const, timestamp: new Date().toISOString(), trigger_name });
    const results = [track(a.send(signal("from-esm"))), track(b.send(signal("from-cjs")))];
    await server.waitForRequests(1);
    await realSleep(200);
    expect(server.requests).toHaveLength(1);
    while (!results.every((r) => r.settled)) await realSleep(20);
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(server.accepted().map((body) => body.trigger_name)).toEqual(["from-esm", "from-cjs"]);
    for (const release of releases) release();
  });
});

describe("a page that also runs another version of the library", () => {
  it("leaves that version's delivery registry alone and still delivers", async () => {
    const key = Symbol.for("kelet.delivery.registry");
    const holder = globalThis as Record<symbol, unknown>;
    const saved = holder[key];
    // What another version left on the page: a registry of another shape.
    const foreign = { version: 1, queues: new Map() };
    holder[key] = foreign;
    try {
      const copy = await loadAnotherCopy();
      const sender = copy.createSignalSender({ apiKey: "pk_versions", project: "p", baseUrl: server.origin });
      const release = sender.start();
      await sender.send({ session_id: "other-version", kind: "feedback", source: "human", timestamp: new Date().toISOString() });
      release();
      expect(server.accepted().map((body) => body.session_id)).toEqual(["other-version"]);
      expect(holder[key]).toBe(foreign);
      expect(foreign.queues.size).toBe(0);
    } finally {
      holder[key] = saved;
    }
  });
});
