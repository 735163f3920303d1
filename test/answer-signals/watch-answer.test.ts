import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createKeletClient, watchAnswer, type KeletClient } from "../../src/core";
import { useSignalServer } from "../support/signal-server";

const signals = useSignalServer();
let client: KeletClient;
let answer: HTMLElement;

beforeEach(() => {
  localStorage.clear();
  client = createKeletClient({ apiKey: "pk_test_core", project: "answers", baseUrl: signals.origin });
  answer = document.createElement("article");
  answer.innerHTML = "<p>Use <code>git rebase -i</code> to squash.</p>";
  document.body.append(answer);
});
afterEach(() => {
  client.close();
  answer.remove();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

describe("watchAnswer on a page without React", () => {
  it("hears a copy of the answer's text and sends one user-copy", async () => {
    const watch = watchAnswer(client, answer, { session_id: "core-copy" });
    const range = document.createRange();
    range.selectNodeContents(answer);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    answer.querySelector("code")!.dispatchEvent(new Event("copy", { bubbles: true }));
    const [body] = await signals.waitForAccepted(1);
    const chars = answer.textContent!.length;
    expect(body).toMatchObject({ session_id: "core-copy", kind: "event", source: "human", trigger_name: "user-copy", score: 1, metadata: { copied_chars: chars, answer_chars: chars } });
    watch.stop();
  });

  it("reads a streaming function at the moment the watch stops: an answer that finished is not abandoned", async () => {
    let streaming = true;
    const finished = watchAnswer(client, answer, { session_id: "core-finished", streaming: () => streaming });
    streaming = false;
    finished.stop();
    const cut = watchAnswer(client, answer, { trace_id: "trace-cut", streaming: () => true });
    cut.stop();
    cut.stop();
    const [body] = await signals.waitForAccepted(1);
    await settle();
    expect(signals.requests).toHaveLength(1);
    expect(body).toMatchObject({ trace_id: "trace-cut", trigger_name: "user-abandon", score: 0 });
    expect(body!.session_id).toBeUndefined();
  });

  it("hears the page being left while the answer streams, and sends the abandon once", async () => {
    const watch = watchAnswer(client, answer, { session_id: "core-left", streaming: true, metadata: { answer: 3 } });
    window.dispatchEvent(new PageTransitionEvent("pagehide"));
    watch.stop();
    const [body] = await signals.waitForAccepted(1);
    await settle();
    expect(signals.requests).toHaveLength(1);
    expect(body).toMatchObject({ session_id: "core-left", trigger_name: "user-abandon", metadata: { answer: 3 } });
  });

  it("a streaming function that throws counts as not streaming and never throws into the page", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const watch = watchAnswer(client, answer, {
      session_id: "core-throws",
      streaming: () => {
        throw new Error("app bug");
      },
    });
    expect(() => watch.stop()).not.toThrow();
    expect(error).toHaveBeenCalled();
    await settle();
    expect(signals.requests).toHaveLength(0);
  });

  it("after stop, copies are no longer heard, but the app's own buttons still report", async () => {
    const watch = watchAnswer(client, answer, { session_id: "core-stopped" });
    watch.stop();
    const range = document.createRange();
    range.selectNodeContents(answer);
    document.getSelection()!.addRange(range);
    answer.dispatchEvent(new Event("copy", { bubbles: true }));
    watch.reportRetry();
    const [body] = await signals.waitForAccepted(1);
    await settle();
    expect(signals.requests).toHaveLength(1);
    expect(body).toMatchObject({ trigger_name: "user-retry" });
  });

  it("names the problem when it is given something that is not an element or not a client", () => {
    expect(() => watchAnswer(client, "#answer" as unknown as Element, { session_id: "s" })).toThrow(/element must be a DOM element \(got string\)/);
    expect(() => watchAnswer({} as KeletClient, answer, { session_id: "s" })).toThrow(/client must be a Kelet client/);
  });
});
