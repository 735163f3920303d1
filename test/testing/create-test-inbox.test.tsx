import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createKeletClient } from "../../src/core";
import { createTestInbox } from "../../src/testing";

afterEach(() => vi.useRealTimers());

const client = (fetch: ReturnType<typeof createTestInbox>["fetch"], project = "support-bot") =>
  createKeletClient({ apiKey: "pk-kelet-inbox", project, fetch, captureEvents: false, onError: () => {} });

describe("createTestInbox, for an app's own tests", () => {
  it("lists what the app sent with its project and headers, and waitForSignal finds a signal sent before or after the call", async () => {
    const inbox = createTestInbox();
    const kelet = client(inbox.fetch, "my project");
    await kelet.signal({ session_id: "s-1", score: 1, trigger_name: "user-vote" });
    expect(inbox.signals).toHaveLength(1);
    expect(inbox.signals[0]).toMatchObject({ project: "my project", body: { session_id: "s-1", score: 1, kind: "feedback" }, headers: { "Content-Type": "application/json" } });
    await expect(inbox.waitForSignal({ trigger_name: "user-vote" })).resolves.toBe(inbox.signals[0]);

    const later = inbox.waitForSignal((signal) => signal.body.score === 0);
    await kelet.signal({ session_id: "s-2", score: 0 });
    expect((await later).body.session_id).toBe("s-2");
    kelet.close();
  });

  it("respondWith(401) makes the app's signals fail, so its error path can be tested; clear() forgets and answers 200 again", async () => {
    const inbox = createTestInbox();
    const kelet = client(inbox.fetch);
    inbox.respondWith(401);
    await expect(kelet.signal({ session_id: "s-401", score: 1 })).rejects.toThrow("Failed to submit feedback: Unauthorized");
    inbox.respondWith(() => ({ ok: false, status: 403, statusText: "Forbidden" }));
    await expect(kelet.signal({ session_id: "s-403", score: 1 })).rejects.toThrow("Forbidden");
    inbox.clear();
    expect(inbox.signals).toEqual([]);
    await expect(kelet.signal({ session_id: "s-ok", score: 1 })).resolves.toBeUndefined();
    expect(inbox.signals.map((s) => s.body.session_id)).toEqual(["s-ok"]);
    kelet.close();
  });

  it("works under fake timers, and its time-out still fires in real time naming what was sent", async () => {
    vi.useFakeTimers();
    const inbox = createTestInbox();
    const kelet = client(inbox.fetch);
    const sent = kelet.signal({ session_id: "s-fake", score: 1, trigger_name: "thumbs" });
    await expect(inbox.waitForSignal({ trigger_name: "thumbs" })).resolves.toMatchObject({ body: { session_id: "s-fake" } });
    await expect(sent).resolves.toBeUndefined();
    await expect(inbox.waitForSignal({ trigger_name: "never" }, { timeout: 50 })).rejects.toThrow(/No matching Kelet signal within 50 ms for \{"trigger_name":"never"\}[\s\S]*s-fake/);
    kelet.close();
  });

  it("the README's example test is the one this repository runs", () => {
    const marked = (text: string) => /README-EXAMPLE-START\n([\s\S]*?)\/\/ README-EXAMPLE-END/.exec(text)?.[1];
    const example = marked(readFileSync("test/testing/readme-example.test.tsx", "utf8"));
    const readme = readFileSync("README.md", "utf8");
    expect(example).toBeTruthy();
    expect(readme).toContain(example!.trim());
  });
});
