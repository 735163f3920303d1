import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { StrictMode, Suspense, startTransition, useState, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { VoteFeedback, type FeedbackData } from "../../src";
import { downvote, installResizeObserverStub, upvote, Widget } from "../vote-feedback/widget";

// Review of issue 19 / API.md A ("A new session_id resets vote, text and popover") and the README's
// "a render React throws away never reaches a signal", through the public parts only.
installResizeObserverStub();

const textbox = () => screen.queryByRole("textbox", { name: "Additional feedback" }) as HTMLTextAreaElement | null;
const dialog = () => screen.queryByRole("dialog");
const pause = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

function recorder() {
  const received: FeedbackData[] = [];
  return { received, onFeedback: (data: FeedbackData) => void received.push(data) };
}

/** A chat that moves to answer B inside a transition whose data never arrives: the render with B never commits. */
function ChatWithStuckTransition({ strict, widget }: { strict: boolean; widget: (session: string) => ReactNode }) {
  const never = new Promise<void>(() => {});
  function AnswerBody({ session }: { session: string }) {
    if (session === "answer-B") throw never;
    return <p>{session}</p>;
  }
  function Chat() {
    const [session, setSession] = useState("answer-A");
    return (
      <>
        <Suspense fallback={<p>loading</p>}>
          {widget(session)}
          <AnswerBody session={session} />
        </Suspense>
        <button onClick={() => startTransition(() => setSession("answer-B"))}>next answer</button>
      </>
    );
  }
  return strict ? (
    <StrictMode>
      <Chat />
    </StrictMode>
  ) : (
    <Chat />
  );
}

describe.each([
  ["", false],
  [" under StrictMode", true],
])("a session change that React never commits%s", (_label, strict) => {
  it("keeps my downvote, my open popover and my half-written comment, and sends my comment under the answer I see", async () => {
    const { received, onFeedback } = recorder();
    render(<ChatWithStuckTransition strict={strict} widget={(session) => <Widget session_id={session} onFeedback={onFeedback} />} />);
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    fireEvent.change(textbox()!, { target: { value: "half" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "next answer" }));
    });
    await pause(20);
    // The page still shows answer A: nothing of A's widget may have been reset by B's thrown-away render.
    expect(screen.getByText("answer-A")).toBeTruthy();
    // A committed re-render of A (my typing) must not discover a "new" session either.
    fireEvent.change(textbox()!, { target: { value: "half written" } });
    await pause(20);
    expect(dialog()).not.toBeNull();
    expect(textbox()!.value).toBe("half written");
    expect(downvote().getAttribute("aria-pressed")).toBe("true");
    fireEvent.keyDown(textbox()!, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(received).toHaveLength(2));
    expect(received.map(({ session_id, score, value }) => ({ session_id, score, value }))).toEqual([
      { session_id: "answer-A", score: 0, value: undefined },
      { session_id: "answer-A", score: 0, value: "half written" },
    ]);
  });

  it("keeps my upvote after B's render is thrown away, so pressing it again sends nothing", async () => {
    const { received, onFeedback } = recorder();
    render(<ChatWithStuckTransition strict={strict} widget={(session) => <Widget session_id={session} onFeedback={onFeedback} />} />);
    fireEvent.click(upvote());
    await waitFor(() => expect(received).toHaveLength(1));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "next answer" }));
    });
    await pause(20);
    fireEvent.click(upvote());
    await pause(20);
    expect(upvote().getAttribute("aria-pressed")).toBe("true");
    expect(received).toHaveLength(1);
  });
});

describe("a new session_id starts over from the defaults the app gave", () => {
  it("puts the defaultText back, not an empty box, for the next answer", async () => {
    const { onFeedback } = recorder();
    const view = render(<Widget session_id="A" defaultText="Prefilled" onFeedback={onFeedback} />);
    fireEvent.click(downvote());
    await waitFor(() => expect(textbox()).not.toBeNull());
    expect(textbox()!.value).toBe("Prefilled");
    fireEvent.change(textbox()!, { target: { value: "about A" } });
    view.rerender(<Widget session_id="B" defaultText="Prefilled" onFeedback={onFeedback} />);
    await waitFor(() => expect(dialog()).toBeNull());
    fireEvent.click(downvote());
    await waitFor(() => expect(textbox()).not.toBeNull());
    expect(textbox()!.value).toBe("Prefilled");
  });

  it("shows the defaultVote again for the next answer, without sending it", async () => {
    const { received, onFeedback } = recorder();
    const view = render(<Widget session_id="A" defaultVote="upvote" onFeedback={onFeedback} />);
    fireEvent.click(downvote());
    await waitFor(() => expect(received).toHaveLength(1));
    fireEvent.keyDown(textbox()!, { key: "Escape" });
    view.rerender(<Widget session_id="B" defaultVote="upvote" onFeedback={onFeedback} />);
    await pause(20);
    expect(upvote().getAttribute("aria-pressed")).toBe("true");
    expect(downvote().getAttribute("aria-pressed")).toBe("false");
    expect(received).toHaveLength(1);
  });

  it("under StrictMode, closes the open popover and forgets my comment when the session changes while I am writing", async () => {
    const { received, onFeedback } = recorder();
    const tree = (session: string) => (
      <StrictMode>
        <Widget session_id={session} onFeedback={onFeedback} />
      </StrictMode>
    );
    const view = render(tree("A"));
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    fireEvent.change(textbox()!, { target: { value: "about A" } });
    view.rerender(tree("B"));
    await waitFor(() => expect(dialog()).toBeNull());
    expect(downvote().getAttribute("aria-pressed")).toBe("false");
    expect(downvote().getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(downvote());
    await waitFor(() => expect(textbox()).not.toBeNull());
    expect(textbox()!.value).toBe("");
    fireEvent.keyDown(textbox()!, { key: "Enter", ctrlKey: true });
    await pause(20);
    expect(received.map(({ session_id, value }) => ({ session_id, value }))).toEqual([
      { session_id: "A", value: undefined },
      { session_id: "B", value: undefined },
    ]);
  });

  it("keeps a popover the app holds open across a session change, emptied, and my comment then goes to the new answer", async () => {
    const { received, onFeedback } = recorder();
    const view = render(<Widget session_id="A" open onFeedback={onFeedback} />);
    await waitFor(() => expect(textbox()).not.toBeNull());
    fireEvent.change(textbox()!, { target: { value: "about A" } });
    view.rerender(<Widget session_id="B" open onFeedback={onFeedback} />);
    await pause(20);
    expect(dialog()).not.toBeNull();
    expect(textbox()!.value).toBe("");
    fireEvent.change(textbox()!, { target: { value: "about B" } });
    fireEvent.keyDown(textbox()!, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({ session_id: "B", score: 0, value: "about B" });
  });
});

describe("controlled parts", () => {
  it("submits the text the app holds even when the app ignores my typing, and tells the app to clear it", async () => {
    const { received, onFeedback } = recorder();
    const changes: string[] = [];
    render(<Widget session_id="s" text="The app's words" onTextChange={(text) => void changes.push(text)} onFeedback={onFeedback} />);
    fireEvent.click(downvote());
    await waitFor(() => expect(textbox()).not.toBeNull());
    fireEvent.change(textbox()!, { target: { value: "mine" } });
    expect(textbox()!.value).toBe("The app's words");
    fireEvent.keyDown(textbox()!, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]).toMatchObject({ value: "The app's words" });
    expect(changes).toEqual(["mine", ""]);
  });

  it("submits nothing for a comment of only spaces and line breaks, and closes", async () => {
    const { received, onFeedback } = recorder();
    render(<Widget session_id="s" onFeedback={onFeedback} />);
    fireEvent.click(downvote());
    await waitFor(() => expect(textbox()).not.toBeNull());
    fireEvent.change(textbox()!, { target: { value: "  \n\t \n" } });
    expect(screen.getByRole("button", { name: "Close without feedback" })).toBeTruthy();
    fireEvent.keyDown(textbox()!, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(dialog()).toBeNull());
    await pause(20);
    expect(received).toHaveLength(1);
  });

  it("tells onOpenChange about the open a downvote causes, once, with a popover the app controls", async () => {
    const changes: boolean[] = [];
    function App() {
      const [open, setOpen] = useState(false);
      return (
        <Widget
          session_id="s"
          open={open}
          onOpenChange={(next) => {
            changes.push(next);
            setOpen(next);
          }}
          onFeedback={() => {}}
        />
      );
    }
    render(<App />);
    fireEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    fireEvent.keyDown(textbox()!, { key: "Escape" });
    await waitFor(() => expect(dialog()).toBeNull());
    expect(changes).toEqual([true, false]);
    expect(document.activeElement).toBe(downvote());
  });

  it("opens with defaultOpen with aria-expanded true and aria-controls naming the dialog that is there", async () => {
    render(<Widget session_id="s" defaultOpen onFeedback={() => {}} />);
    await waitFor(() => expect(dialog()).not.toBeNull());
    expect(downvote().getAttribute("aria-expanded")).toBe("true");
    const controls = downvote().getAttribute("aria-controls");
    expect(controls && document.getElementById(controls)).toBe(dialog());
  });
});

describe("re-voting and double submits", () => {
  it("sends nothing when I press the thumbs-down the app restored with a controlled vote", async () => {
    const { received, onFeedback } = recorder();
    render(<Widget session_id="s" vote="downvote" onFeedback={onFeedback} />);
    fireEvent.click(downvote());
    await pause(20);
    expect(received).toHaveLength(0);
  });

  it("sends my comment once when I press Ctrl+Enter twice in a row", async () => {
    const { received, onFeedback } = recorder();
    render(<Widget session_id="s" onFeedback={onFeedback} />);
    fireEvent.click(downvote());
    await waitFor(() => expect(textbox()).not.toBeNull());
    fireEvent.change(textbox()!, { target: { value: "once" } });
    const field = textbox()!;
    fireEvent.keyDown(field, { key: "Enter", ctrlKey: true });
    fireEvent.keyDown(field, { key: "Enter", ctrlKey: true });
    await pause(30);
    expect(received.map((signal) => signal.value)).toEqual([undefined, "once"]);
  });

  it("keeps my draft when the app re-renders with a new inline session_id function naming the same session", async () => {
    const { onFeedback } = recorder();
    const view = render(<Widget session_id={() => "same"} onFeedback={onFeedback} />);
    fireEvent.click(downvote());
    await waitFor(() => expect(textbox()).not.toBeNull());
    fireEvent.change(textbox()!, { target: { value: "draft" } });
    view.rerender(<Widget session_id={() => "same"} onFeedback={onFeedback} />);
    await pause(20);
    expect(textbox()?.value).toBe("draft");
  });
});

describe("Reason toggles", () => {
  it("sends the reasons in the order I picked them as a list, and none I untoggled", async () => {
    const { received, onFeedback } = recorder();
    render(<Widget session_id="s" reasons={["Wrong", "Too long", "Rude"]} onFeedback={onFeedback} />);
    fireEvent.click(downvote());
    await waitFor(() => expect(textbox()).not.toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "Too long" }));
    fireEvent.click(screen.getByRole("button", { name: "Wrong" }));
    fireEvent.click(screen.getByRole("button", { name: "Rude" }));
    fireEvent.click(screen.getByRole("button", { name: "Rude" }));
    expect(screen.getByRole("button", { name: "Rude" }).getAttribute("aria-pressed")).toBe("false");
    fireEvent.keyDown(textbox()!, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(received).toHaveLength(2));
    const reasons = (received[1]!.metadata as { reasons?: string[] }).reasons;
    expect([...(reasons ?? [])].sort()).toEqual(["Too long", "Wrong"]);
    expect(received[1]!.value).toBeTruthy();
  });
});

describe("asChild vote buttons", () => {
  it("sends my vote once when the app's own button is a child, and keeps its type and label", async () => {
    const { received, onFeedback } = recorder();
    render(
      <VoteFeedback.Root session_id="s" onFeedback={onFeedback}>
        <VoteFeedback.UpvoteButton asChild>
          <button type="button" aria-label="Helpful">
            Helpful
          </button>
        </VoteFeedback.UpvoteButton>
        <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
      </VoteFeedback.Root>,
    );
    const helpful = screen.getByRole("button", { name: "Helpful" });
    fireEvent.click(helpful);
    fireEvent.click(helpful);
    await pause(20);
    expect(received.map((signal) => signal.score)).toEqual([1]);
    expect(helpful.getAttribute("data-state")).toBe("on");
  });
});

