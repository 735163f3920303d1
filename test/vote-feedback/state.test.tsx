import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { StrictMode, Suspense, startTransition, useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FeedbackData } from "../../src/core/signal";
import { VoteFeedback, type Vote } from "../../src/vote-feedback";
import { MAX_PERSISTED_VOTES, persistedVoteKey, writePersistedVote } from "../../src/vote-feedback/persisted-vote";
import { useSignalServer } from "../support/signal-server";
import { Provider, Widget, downvote, installResizeObserverStub, upvote, type WidgetOptions } from "./widget";

installResizeObserverStub();

const server = useSignalServer();
const textbox = () => screen.getByRole("textbox", { name: "Additional feedback" });
const dialog = () => screen.queryByRole("dialog");
const pause = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));
const scores = () => server.accepted().map(({ session_id, score, value }) => ({ session_id, score, value }));

function renderInProvider(options: WidgetOptions = {}) {
  return render(
    <Provider baseUrl={server.origin}>
      <Widget {...options} />
    </Provider>,
  );
}

describe("a controlled popover (open / onOpenChange)", () => {
  it("opens when the app says so, tells the app when I close it, and stays open when the app keeps it open", async () => {
    const changes: boolean[] = [];
    function App({ follow }: { follow: boolean }) {
      const [open, setOpen] = useState(true);
      return (
        <Provider baseUrl={server.origin}>
          <Widget open={open} onOpenChange={(next) => { changes.push(next); if (follow) setOpen(next); }} />
          <button onClick={() => setOpen(true)}>ask again</button>
        </Provider>
      );
    }
    const view = render(<App follow={false} />);
    expect(dialog()).not.toBeNull();
    fireEvent.keyDown(textbox(), { key: "Escape" });
    expect(changes).toEqual([false]);
    expect(dialog()).not.toBeNull();
    view.unmount();

    changes.length = 0;
    render(<App follow />);
    fireEvent.keyDown(textbox(), { key: "Escape" });
    await waitFor(() => expect(dialog()).toBeNull());
    expect(changes).toEqual([false]);
    fireEvent.click(screen.getByRole("button", { name: "ask again" }));
    await waitFor(() => expect(dialog()).not.toBeNull());
    await pause(50);
    expect(server.requests).toHaveLength(0);
  });

  it("starts open with defaultOpen and reports each change through onOpenChange", async () => {
    const changes: boolean[] = [];
    renderInProvider({ defaultOpen: true, onOpenChange: (next) => void changes.push(next) });
    expect(dialog()).not.toBeNull();
    fireEvent.keyDown(textbox(), { key: "Escape" });
    await waitFor(() => expect(dialog()).toBeNull());
    fireEvent.click(downvote());
    await waitFor(() => expect(dialog()).not.toBeNull());
    expect(changes).toEqual([false, true]);
  });
});

describe("controlled text (text / defaultText / onTextChange)", () => {
  it("reports what I type and the cleared text after a submit", async () => {
    const changes: string[] = [];
    renderInProvider({ defaultText: "Missing: ", onTextChange: (next) => void changes.push(next) });
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    fireEvent.change(textbox(), { target: { value: "Missing: sources" } });
    fireEvent.keyDown(textbox(), { key: "Enter", ctrlKey: true });
    await server.waitForAccepted(2);
    expect(changes).toEqual(["Missing: sources", ""]);
    expect(scores()[1]).toEqual({ session_id: "sess-1", score: 0, value: "Missing: sources" });
  });
});

describe("re-rendering only what changed", () => {
  it("re-renders only the textarea and the submit button (its label follows my text) while I type, and only the reason I toggle", async () => {
    const renders = { upvote: 0, downvote: 0, reason: 0, submit: 0 };
    render(
      <VoteFeedback.Root session_id="renders" onFeedback={() => {}}>
        <VoteFeedback.UpvoteButton>{() => (renders.upvote++, "up")}</VoteFeedback.UpvoteButton>
        <VoteFeedback.DownvoteButton>{() => (renders.downvote++, "down")}</VoteFeedback.DownvoteButton>
        <VoteFeedback.Popover>
          <VoteFeedback.Reason value="Wrong">{() => (renders.reason++, "Wrong")}</VoteFeedback.Reason>
          <VoteFeedback.Textarea />
          <VoteFeedback.SubmitButton>{({ hasFeedback }) => (renders.submit++, hasFeedback ? "Submit" : "Close")}</VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>,
    );
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    await pause(20);
    const before = { ...renders };
    for (const typed of ["a", "ab", "abc", "abcd"]) fireEvent.change(textbox(), { target: { value: typed } });
    expect((textbox() as HTMLTextAreaElement).value).toBe("abcd");
    expect(renders).toEqual({ ...before, submit: before.submit + 4 });
    fireEvent.click(screen.getByRole("button", { name: "Wrong" }));
    expect(renders).toEqual({ ...before, submit: before.submit + 5, reason: before.reason + 1 });
  });
});

describe("a vote carries the session the user saw", () => {
  it("sends answer A's session when I downvote A while answer B renders in a transition that has not committed", async () => {
    const received: FeedbackData[] = [];
    let release: () => void = () => {};
    const loadingB = new Promise<void>((resolve) => (release = resolve));
    let bLoaded = false;
    void loadingB.then(() => (bLoaded = true));
    function AnswerBody({ session }: { session: string }) {
      if (session === "answer-B" && !bLoaded) throw loadingB;
      return <p>{session}</p>;
    }
    function Chat() {
      const [session, setSession] = useState("answer-A");
      return (
        <>
          <Suspense fallback={<p>loading</p>}>
            <Widget session_id={session} trigger_name={`vote-${session}`} onFeedback={(data) => void received.push(data)} />
            <AnswerBody session={session} />
          </Suspense>
          <button onClick={() => startTransition(() => setSession("answer-B"))}>next answer</button>
        </>
      );
    }
    render(<Chat />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "next answer" }));
    });
    // B is still loading: the page shows A, and A is what I vote on.
    expect(screen.getByText("answer-A")).toBeTruthy();
    fireEvent.click(downvote());
    await waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({ session_id: "answer-A", trigger_name: "vote-answer-A", score: 0 });
    fireEvent.change(textbox(), { target: { value: "about A" } });
    fireEvent.keyDown(textbox(), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]).toMatchObject({ session_id: "answer-A", value: "about A" });
    await act(async () => release());
    await waitFor(() => expect(screen.getByText("answer-B")).toBeTruthy());
  });
});

describe("never busy for delivery", () => {
  it("sends my comment after my vote when I submit while a slow server still holds the vote", async () => {
    server.plan({ status: 200, delayMs: 400 });
    renderInProvider();
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    await server.waitForRequests(1);
    expect(downvote().hasAttribute("data-submitting")).toBe(false);
    fireEvent.change(textbox(), { target: { value: "sent after the vote" } });
    fireEvent.keyDown(textbox(), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(dialog()).toBeNull());
    await server.waitForAccepted(2);
    expect(server.requests.map((request) => JSON.parse(request.body).value)).toEqual([undefined, "sent after the vote"]);
  });

  it("still delivers my comment when the widget unmounts right after I submit it", async () => {
    server.plan({ status: 200, delayMs: 300 });
    function Page() {
      const [shown, setShown] = useState(true);
      return (
        <Provider baseUrl={server.origin}>
          {shown && <Widget session_id="leaving" />}
          <button onClick={() => setShown(false)}>close chat</button>
        </Provider>
      );
    }
    render(<Page />);
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    fireEvent.change(textbox(), { target: { value: "bye" } });
    fireEvent.keyDown(textbox(), { key: "Enter", ctrlKey: true });
    fireEvent.click(screen.getByRole("button", { name: "close chat" }));
    await server.waitForAccepted(2);
    expect(scores()).toEqual([
      { session_id: "leaving", score: 0, value: undefined },
      { session_id: "leaving", score: 0, value: "bye" },
    ]);
  });

  it("drops a comment typed for answer A when the session changes to B, and shows B's own remembered vote", async () => {
    localStorage.clear();
    writePersistedVote(persistedVoteKey(undefined, "B"), "upvote");
    const view = renderInProvider({ session_id: "A", persistVote: true });
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    fireEvent.change(textbox(), { target: { value: "about A" } });
    view.rerender(
      <Provider baseUrl={server.origin}>
        <Widget session_id="B" persistVote />
      </Provider>,
    );
    await waitFor(() => expect(dialog()).toBeNull());
    expect(upvote().getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    expect((textbox() as HTMLTextAreaElement).value).toBe("");
    fireEvent.keyDown(textbox(), { key: "Enter", ctrlKey: true });
    await server.waitForAccepted(2);
    await pause(50);
    expect(scores()).toEqual([
      { session_id: "A", score: 0, value: undefined },
      { session_id: "B", score: 0, value: undefined },
    ]);
    localStorage.clear();
  });
});

describe("persistVote", () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it("shows my vote again after a reload, and never sends it again", async () => {
    const first = renderInProvider({ session_id: "answer-1", trigger_name: "user-vote", persistVote: true });
    fireEvent.click(upvote());
    await server.waitForAccepted(1);
    expect(localStorage.getItem(persistedVoteKey("user-vote", "answer-1"))).toBe("upvote");
    first.unmount();

    renderInProvider({ session_id: "answer-1", trigger_name: "user-vote", persistVote: true });
    expect(upvote().getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(upvote());
    await pause(100);
    expect(server.requests).toHaveLength(1);
  });

  it("remembers per session and trigger: another answer, another trigger or a widget without persistVote shows no vote", async () => {
    const first = renderInProvider({ session_id: "answer-1", trigger_name: "user-vote", persistVote: true });
    fireEvent.click(downvote());
    first.unmount();
    const pressed = (container: HTMLElement) => container.querySelector('[aria-label="Downvote feedback"]')!.getAttribute("aria-pressed");
    expect(pressed(render(<Widget session_id="answer-1" trigger_name="user-vote" persistVote onFeedback={() => {}} />).container)).toBe("true");
    expect(pressed(render(<Widget session_id="answer-2" trigger_name="user-vote" persistVote onFeedback={() => {}} />).container)).toBe("false");
    expect(pressed(render(<Widget session_id="answer-1" trigger_name="other" persistVote onFeedback={() => {}} />).container)).toBe("false");
    expect(pressed(render(<Widget session_id="answer-1" trigger_name="user-vote" onFeedback={() => {}} />).container)).toBe("false");
  });

  it("lets a controlled vote win over the remembered one, and still remembers the vote I give", async () => {
    writePersistedVote(persistedVoteKey(undefined, "answer-1"), "downvote");
    const changes: Vote[] = [];
    renderInProvider({ session_id: "answer-1", persistVote: true, vote: null, onVoteChange: (next) => void changes.push(next) });
    expect(downvote().getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(upvote());
    expect(changes).toEqual(["upvote"]);
    expect(localStorage.getItem(persistedVoteKey(undefined, "answer-1"))).toBe("upvote");
    await server.waitForAccepted(1);
  });

  it("keeps working when storage refuses to write: my vote is shown and sent once, nothing thrown", async () => {
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    renderInProvider({ session_id: "answer-1", persistVote: true });
    fireEvent.click(upvote());
    expect(upvote().getAttribute("aria-pressed")).toBe("true");
    await server.waitForAccepted(1);
    await pause(50);
    expect(server.requests).toHaveLength(1);
  });

  it("keeps at most MAX_PERSISTED_VOTES votes, forgetting the oldest", () => {
    for (let index = 0; index < MAX_PERSISTED_VOTES + 5; index++) writePersistedVote(persistedVoteKey("t", `s-${index}`), "upvote");
    const votes = Object.keys(localStorage).filter((key) => key.startsWith("kelet:vote:"));
    expect(votes).toHaveLength(MAX_PERSISTED_VOTES);
    expect(localStorage.getItem(persistedVoteKey("t", "s-0"))).toBeNull();
    expect(localStorage.getItem(persistedVoteKey("t", `s-${MAX_PERSISTED_VOTES + 4}`))).toBe("upvote");
  });

  it("sends each vote once and remembers it under StrictMode", async () => {
    render(
      <StrictMode>
        <Provider baseUrl={server.origin}>
          <Widget session_id="strict" persistVote />
        </Provider>
      </StrictMode>,
    );
    fireEvent.click(downvote());
    await server.waitForAccepted(1);
    await pause(100);
    expect(server.requests).toHaveLength(1);
    expect(localStorage.getItem(persistedVoteKey(undefined, "strict"))).toBe("downvote");
  });
});
