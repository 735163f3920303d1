// Adversarial review of createTestInbox (issue 20 part 3, API.md E.25), used the way an app's own tests use it.
import { fireEvent, render, screen, cleanup } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { KeletProvider, VoteFeedback } from "../../src";
import { createKeletClient } from "../../src/core";
import { createTestInbox } from "../../src/testing";

const realSetTimeout = globalThis.setTimeout;

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  localStorage.clear();
});

const client = (fetch: ReturnType<typeof createTestInbox>["fetch"]) =>
  createKeletClient({ apiKey: "pk-kelet-inbox-review", project: "support-bot", fetch, captureEvents: false, onError: () => {} });

function Answer() {
  return (
    <VoteFeedback.Root session_id="session-7" trigger_name="user-vote" metadata={{ message_id: "m-7" }}>
      <VoteFeedback.UpvoteButton>👍</VoteFeedback.UpvoteButton>
      <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
    </VoteFeedback.Root>
  );
}

describe("createTestInbox in my app's tests", () => {
  it("under vi.useFakeTimers, a click on upvote in my provider reaches the inbox", async () => {
    vi.useFakeTimers();
    const inbox = createTestInbox();
    render(
      <KeletProvider apiKey="pk-kelet-test" project="support-bot" fetch={inbox.fetch} onError={() => {}}>
        <Answer />
      </KeletProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Upvote feedback" }));
    const vote = await inbox.waitForSignal({ trigger_name: "user-vote" }, { timeout: 2000 });
    expect(vote.body).toMatchObject({ session_id: "session-7", score: 1 });
  });

  it("after respondWith(401) then respondWith(200), my next signal is delivered again", async () => {
    const inbox = createTestInbox();
    const kelet = client(inbox.fetch);
    inbox.respondWith(401);
    await expect(kelet.signal({ session_id: "s-1", score: 1 })).rejects.toThrow(/Unauthorized/);
    inbox.respondWith(200);
    await expect(kelet.signal({ session_id: "s-2", score: 1 })).resolves.toBeUndefined();
    expect(inbox.signals.map((s) => s.body.session_id)).toEqual(["s-1", "s-2"]);
    kelet.close();
  });

  it("under fake timers, a 503 answer is retried once I advance the clock, and lands after I switch back to 200", async () => {
    vi.useFakeTimers();
    const inbox = createTestInbox({ respondWith: 503 });
    const kelet = client(inbox.fetch);
    const sent = kelet.signal({ session_id: "s-retry", score: 0 });
    await inbox.waitForSignal({ session_id: "s-retry" });
    inbox.respondWith(200);
    await vi.advanceTimersByTimeAsync(6_000);
    await expect(sent).resolves.toBeUndefined();
    expect(inbox.signals).toHaveLength(2);
    kelet.close();
  });

  it("waitForSignal matches my metadata by value, whatever order I wrote its keys in", async () => {
    const inbox = createTestInbox();
    const kelet = client(inbox.fetch);
    await kelet.signal({ session_id: "s-meta", score: 1, metadata: { message_id: "m1", model: "gpt" } });
    await expect(inbox.waitForSignal({ metadata: { model: "gpt", message_id: "m1" } }, { timeout: 200 })).resolves.toBeTruthy();
    kelet.close();
  });

  it("waitForSignal times out in real time under fake timers and tells me what was sent", async () => {
    vi.useFakeTimers();
    const inbox = createTestInbox();
    const kelet = client(inbox.fetch);
    await kelet.signal({ session_id: "s-other", score: 1, trigger_name: "user-vote" });
    await expect(inbox.waitForSignal({ trigger_name: "user-copy" }, { timeout: 100 })).rejects.toThrow(/s-other/);
    kelet.close();
  });

  it("with fake timers installed before the testing module loads (Jest's enableGlobally), waitForSignal still times out in real time", async () => {
    vi.useFakeTimers();
    vi.resetModules();
    const { createTestInbox: createLateInbox } = await import("../../src/testing");
    const inbox = createLateInbox();
    const outcome = await Promise.race([
      inbox.waitForSignal({ trigger_name: "user-copy" }, { timeout: 100 }).then(
        () => "resolved",
        () => "timed out",
      ),
      new Promise((resolve) => realSetTimeout(() => resolve("still waiting after 2 s of real time"), 2000)),
    ]);
    expect(outcome).toBe("timed out");
  });
});
