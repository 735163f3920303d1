import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { StrictMode, useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { FeedbackData } from "../../src/core/signal";
import { VoteFeedback, type Vote } from "../../src/vote-feedback";
import { useSignalServer } from "../support/signal-server";
import { Provider, Widget, downvote, installResizeObserverStub, upvote, type WidgetOptions } from "./widget";

installResizeObserverStub();

const server = useSignalServer();

const textbox = () => screen.getByRole("textbox", { name: "Additional feedback" });
const sent = () => server.accepted().map(({ timestamp, metadata, ...rest }) => {
  const { $dom_event, ...ownMetadata } = (metadata ?? {}) as Record<string, unknown>;
  return Object.keys(ownMetadata).length > 0 ? { ...rest, metadata: ownMetadata } : rest;
});
/** Lets every in-flight request reach the server and settle. */
const settle = async (requests: number) => {
  await server.waitForRequests(requests);
  await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
};

function renderWidget(options: WidgetOptions = {}) {
  return render(
    <Provider baseUrl={server.origin}>
      <Widget {...options} />
    </Provider>,
  );
}

async function downvoteAndWaitForTextarea() {
  fireEvent.click(downvote());
  await waitFor(() => expect(document.activeElement).toBe(textbox()));
}

describe("voting through the nearest KeletProvider", () => {
  it("sends score 1 with my session, trigger, metadata and trace when I upvote", async () => {
    renderWidget({ session_id: "answer-7", trigger_name: "user-vote", metadata: { model: "m1" }, trace_id: "trace-9" });
    fireEvent.click(upvote());
    await settle(1);
    expect(sent()).toEqual([
      { session_id: "answer-7", kind: "feedback", source: "human", score: 1, trigger_name: "user-vote", metadata: { model: "m1" }, trace_id: "trace-9" },
    ]);
    expect(server.requests[0]!.url).toBe("/api/projects/vote/signal");
  });

  it("sends only the vote fields when the app sets no trigger, metadata or trace", async () => {
    renderWidget();
    fireEvent.click(upvote());
    await settle(1);
    expect(sent()).toEqual([{ session_id: "sess-1", kind: "feedback", source: "human", score: 1 }]);
  });

  it("sends score 0 at once when I downvote, then opens the popover with the cursor in the textarea", async () => {
    renderWidget();
    expect(screen.queryByRole("dialog")).toBeNull();
    await downvoteAndWaitForTextarea();
    expect(screen.getByRole("dialog")).toBeTruthy();
    await settle(1);
    expect(sent()).toEqual([{ session_id: "sess-1", kind: "feedback", source: "human", score: 0 }]);
  });

  it("sends my comment with score 0, closes, clears the text and puts focus back on the downvote button", async () => {
    renderWidget({ trigger_name: "user-vote" });
    await downvoteAndWaitForTextarea();
    await settle(1);
    fireEvent.change(textbox(), { target: { value: "It cited the wrong year" } });
    fireEvent.click(screen.getByRole("button", { name: "Submit feedback" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(downvote()));
    expect(downvote().hasAttribute("disabled")).toBe(false);
    await settle(2);
    expect(sent()[1]).toEqual({ session_id: "sess-1", kind: "feedback", source: "human", score: 0, value: "It cited the wrong year", trigger_name: "user-vote" });
    // Reopened: the text was cleared.
    fireEvent.click(downvote());
    await waitFor(() => expect(textbox()).toBeTruthy());
    expect((textbox() as HTMLTextAreaElement).value).toBe("");
  });

  it("closes without sending anything when I submit a blank comment", async () => {
    renderWidget();
    await downvoteAndWaitForTextarea();
    await settle(1);
    fireEvent.change(textbox(), { target: { value: "   " } });
    fireEvent.click(screen.getByRole("button", { name: "Close without feedback" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ["Ctrl+Enter", { ctrlKey: true }],
    ["Cmd+Enter", { metaKey: true }],
  ])("sends my comment when I press %s in the popover", async (_name, modifier) => {
    renderWidget();
    await downvoteAndWaitForTextarea();
    await settle(1);
    fireEvent.change(textbox(), { target: { value: "too vague" } });
    fireEvent.keyDown(textbox(), { key: "Enter", ...modifier });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await settle(2);
    expect(sent()[1]).toMatchObject({ score: 0, value: "too vague" });
  });

  it("keeps my draft and sends nothing more when I close the popover with Escape", async () => {
    renderWidget();
    await downvoteAndWaitForTextarea();
    fireEvent.change(textbox(), { target: { value: "draft" } });
    fireEvent.keyDown(textbox(), { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(downvote()));
    await settle(1);
    expect(server.requests).toHaveLength(1);
  });

  it("sends nothing when I press the vote I already gave, and sends the new one when I switch", async () => {
    renderWidget();
    fireEvent.click(upvote());
    await settle(1);
    fireEvent.click(upvote());
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(server.requests).toHaveLength(1);
    await downvoteAndWaitForTextarea();
    await settle(2);
    fireEvent.keyDown(textbox(), { key: "Escape" });
    await waitFor(() => expect(document.activeElement).toBe(downvote()));
    // Downvote again: nothing sent, the popover reopens for a comment.
    await downvoteAndWaitForTextarea();
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(sent().map((signal) => signal.score)).toEqual([1, 0]);
  });

  it("calls my session_id function when a signal is built, not on every render", async () => {
    const sessionId = vi.fn(() => "from-function");
    const view = renderWidget({ session_id: sessionId });
    view.rerender(
      <Provider baseUrl={server.origin}>
        <Widget session_id={sessionId} metadata={{ rerendered: true }} />
      </Provider>,
    );
    expect(sessionId).not.toHaveBeenCalled();
    fireEvent.click(upvote());
    expect(sessionId).toHaveBeenCalledTimes(1);
    await settle(1);
    expect(sent()[0]).toMatchObject({ session_id: "from-function", score: 1 });
  });

  it("starts over with no vote, no text, no reasons and a closed popover when the session changes", async () => {
    const view = renderWidget({ session_id: "first", reasons: ["Wrong"] });
    await downvoteAndWaitForTextarea();
    fireEvent.change(textbox(), { target: { value: "draft" } });
    fireEvent.click(screen.getByRole("button", { name: "Wrong" }));
    view.rerender(
      <Provider baseUrl={server.origin}>
        <Widget session_id="second" reasons={["Wrong"]} />
      </Provider>,
    );
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(downvote().getAttribute("aria-pressed")).toBe("false");
    await downvoteAndWaitForTextarea();
    expect((textbox() as HTMLTextAreaElement).value).toBe("");
    expect(screen.getByRole("button", { name: "Wrong" }).getAttribute("aria-pressed")).toBe("false");
    await settle(2);
    expect(sent().map((signal) => signal.session_id)).toEqual(["first", "second"]);
  });

  it("starts the popover with the defaultText the app gave", async () => {
    renderWidget({ defaultText: "Missing: " });
    await downvoteAndWaitForTextarea();
    expect((textbox() as HTMLTextAreaElement).value).toBe("Missing: ");
    expect(screen.getByRole("button", { name: "Submit feedback" })).toBeTruthy();
  });
});

describe("reasons", () => {
  it("sends the reasons I chose in metadata.reasons and as the value when I wrote nothing", async () => {
    renderWidget({ reasons: ["Wrong", "Too long", "Rude"], metadata: { model: "m1" } });
    await downvoteAndWaitForTextarea();
    const submit = () => screen.getByRole("button", { name: /^(Submit feedback|Close without feedback)$/ });
    expect(submit().getAttribute("aria-label")).toBe("Close without feedback");
    fireEvent.click(screen.getByRole("button", { name: "Wrong" }));
    fireEvent.click(screen.getByRole("button", { name: "Too long" }));
    expect(screen.getByRole("button", { name: "Wrong" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("button", { name: "Wrong" }).getAttribute("data-state")).toBe("on");
    expect(submit().getAttribute("aria-label")).toBe("Submit feedback");
    await settle(1);
    fireEvent.click(screen.getByRole("button", { name: "Submit feedback" }));
    await settle(2);
    expect(sent()[1]).toEqual({
      session_id: "sess-1", kind: "feedback", source: "human", score: 0, value: "Wrong, Too long", metadata: { model: "m1", reasons: ["Wrong", "Too long"] },
    });
  });

  it("keeps my text as the value and sends the reasons in metadata when I wrote something", async () => {
    renderWidget({ reasons: ["Wrong", "Too long"] });
    await downvoteAndWaitForTextarea();
    fireEvent.click(screen.getByRole("button", { name: "Too long" }));
    fireEvent.click(screen.getByRole("button", { name: "Wrong" }));
    fireEvent.click(screen.getByRole("button", { name: "Wrong" })); // toggled off again
    fireEvent.change(textbox(), { target: { value: "Half of it was filler" } });
    await settle(1);
    fireEvent.keyDown(textbox(), { key: "Enter", ctrlKey: true });
    await settle(2);
    expect(sent()[1]).toMatchObject({ value: "Half of it was filler", metadata: { reasons: ["Too long"] } });
  });
});

describe("comment after an upvote (popoverOn='both')", () => {
  it("opens the popover after an upvote and sends my comment with score 1", async () => {
    renderWidget({ popoverOn: "both" });
    fireEvent.click(upvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    expect(screen.getByRole("dialog").getAttribute("aria-labelledby")).toBe(upvote().id);
    expect(upvote().getAttribute("aria-expanded")).toBe("true");
    fireEvent.change(textbox(), { target: { value: "Exactly what I needed" } });
    await settle(1);
    fireEvent.click(screen.getByRole("button", { name: "Submit feedback" }));
    await waitFor(() => expect(document.activeElement).toBe(upvote()));
    await settle(2);
    expect(sent().map(({ score, value }) => ({ score, value }))).toEqual([{ score: 1, value: undefined }, { score: 1, value: "Exactly what I needed" }]);
  });

  it("does not open the popover after an upvote by default", async () => {
    renderWidget();
    fireEvent.click(upvote());
    await settle(1);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(upvote().hasAttribute("aria-expanded")).toBe(false);
  });
});

describe("a controlled vote", () => {
  it("shows a vote restored from before a reload without sending it", async () => {
    renderWidget({ vote: "downvote" });
    expect(downvote().getAttribute("aria-pressed")).toBe("true");
    expect(downvote().getAttribute("data-state")).toBe("on");
    expect(upvote().getAttribute("data-state")).toBe("off");
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(server.requests).toHaveLength(0);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("shows a defaultVote without sending it", async () => {
    renderWidget({ defaultVote: "upvote" });
    expect(upvote().getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(upvote());
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(server.requests).toHaveLength(0);
  });

  it("tells the app about my new vote and never re-sends a vote the app sets", async () => {
    const changes: Vote[] = [];
    function App() {
      const [vote, setVote] = useState<Vote>(null);
      return (
        <Provider baseUrl={server.origin}>
          <Widget vote={vote} onVoteChange={(next) => { changes.push(next); setVote(next); }} />
          <button onClick={() => setVote("upvote")}>restore</button>
        </Provider>
      );
    }
    render(<App />);
    await downvoteAndWaitForTextarea();
    fireEvent.keyDown(textbox(), { key: "Escape" });
    await settle(1);
    expect(changes).toEqual(["downvote"]);
    expect(downvote().getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "restore" }));
    expect(upvote().getAttribute("aria-pressed")).toBe("true");
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(server.requests).toHaveLength(1);
    expect(sent()[0]).toMatchObject({ score: 0 });
  });
});

describe("text the app owns (text / onTextChange on Root)", () => {
  it("submits the app's own text, and the submit button's label follows it", async () => {
    function App() {
      const [draft, setDraft] = useState("");
      return (
        <Provider baseUrl={server.origin}>
          <VoteFeedback.Root session_id="own-text" text={draft} onTextChange={(next) => setDraft(next.toUpperCase())}>
            <VoteFeedback.DownvoteButton />
            <VoteFeedback.Popover>
              <VoteFeedback.Textarea />
              <VoteFeedback.SubmitButton />
            </VoteFeedback.Popover>
          </VoteFeedback.Root>
          <output>{draft}</output>
        </Provider>
      );
    }
    render(<App />);
    await downvoteAndWaitForTextarea();
    expect(screen.getByRole("button", { name: "Close without feedback" })).toBeTruthy();
    fireEvent.change(textbox(), { target: { value: "shouting" } });
    expect((textbox() as HTMLTextAreaElement).value).toBe("SHOUTING");
    await settle(1);
    fireEvent.click(screen.getByRole("button", { name: "Submit feedback" }));
    await settle(2);
    expect(sent()[1]).toMatchObject({ session_id: "own-text", score: 0, value: "SHOUTING" });
    // Cleared through onTextChange after the submit.
    expect(screen.getByRole("status").textContent).toBe("");
  });
});

describe("a textarea the app controls (the 1.3 way: value / onChange on Textarea)", () => {
  it("shows the app's value and submits what the field shows, and the submit button's label follows it", async () => {
    function App() {
      const [draft, setDraft] = useState("");
      return (
        <Provider baseUrl={server.origin}>
          <VoteFeedback.Root session_id="own-field">
            <VoteFeedback.DownvoteButton />
            <VoteFeedback.Popover>
              <VoteFeedback.Textarea value={draft} onChange={(event) => setDraft(event.target.value.toUpperCase())} />
              <VoteFeedback.SubmitButton />
            </VoteFeedback.Popover>
          </VoteFeedback.Root>
        </Provider>
      );
    }
    render(<App />);
    await downvoteAndWaitForTextarea();
    expect(screen.getByRole("button", { name: "Close without feedback" })).toBeTruthy();
    fireEvent.change(textbox(), { target: { value: "shouting" } });
    expect((textbox() as HTMLTextAreaElement).value).toBe("SHOUTING");
    await settle(1);
    fireEvent.click(screen.getByRole("button", { name: "Submit feedback" }));
    await settle(2);
    expect(sent()[1]).toMatchObject({ session_id: "own-field", score: 0, value: "SHOUTING" });
  });
});

describe("onFeedback", () => {
  it("hands every signal to onFeedback instead of the provider", async () => {
    const received: FeedbackData[] = [];
    renderWidget({ onFeedback: (data) => void received.push(data) });
    fireEvent.click(upvote());
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(received).toEqual([{ session_id: "sess-1", kind: "feedback", source: "human", score: 1 }]);
    expect(server.requests).toHaveLength(0);
  });
});

describe("re-rendering", () => {
  it("keeps my draft, my reasons and the open popover when the app re-renders with new inline props", async () => {
    const received: FeedbackData[] = [];
    const tree = (round: number) => (
      <Widget
        session_id="steady"
        metadata={{ round }}
        reasons={["Wrong"]}
        onFeedback={(data) => void received.push(data)}
        popover={{ style: { padding: round } }}
      />
    );
    const view = render(tree(1));
    await downvoteAndWaitForTextarea();
    fireEvent.change(textbox(), { target: { value: "kept" } });
    fireEvent.click(screen.getByRole("button", { name: "Wrong" }));
    for (let round = 2; round < 6; round++) view.rerender(tree(round));
    expect(screen.getByRole("dialog")).toBeTruthy();
    expect((textbox() as HTMLTextAreaElement).value).toBe("kept");
    expect(document.activeElement).toBe(textbox());
    await waitFor(() => expect(downvote().hasAttribute("data-submitting")).toBe(false));
    fireEvent.keyDown(textbox(), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(received).toHaveLength(2));
    // The latest props are used when the signal is built.
    expect(received[1]).toMatchObject({ value: "kept", metadata: { round: 5, reasons: ["Wrong"] } });
  });

  it("sends each vote once under React.StrictMode", async () => {
    render(
      <StrictMode>
        <Provider baseUrl={server.origin}>
          <Widget />
        </Provider>
      </StrictMode>,
    );
    await downvoteAndWaitForTextarea();
    fireEvent.change(textbox(), { target: { value: "strict" } });
    await settle(1);
    fireEvent.keyDown(textbox(), { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(downvote()));
    await settle(2);
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(sent().map(({ score, value }) => ({ score, value }))).toEqual([{ score: 0, value: undefined }, { score: 0, value: "strict" }]);
  });
});
