import { act, render } from "@testing-library/react";
import { StrictMode, startTransition, Suspense, useEffect, useLayoutEffect, useState, type ReactElement } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FeedbackData } from "../../src/core/signal";
import { useFeedbackReducer, useFeedbackState, type FeedbackDispatch, type FeedbackStateSetter } from "../../src";

// Runs in the unit (React 19) and unit-react18 projects.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A signal as the handler that received it saw it. */
type Received = FeedbackData & { handledBy: string };

/** Suspends for ever: the render that reaches it is never committed. */
const never = new Promise<never>(() => {});
function NeverReady(): null {
  throw never;
}

const ANSWERS: Record<string, string> = {
  A: "Your refund was approved.",
  B: "Your order ships on Monday.",
};

describe("a signal carries only what the user saw (props of committed renders)", () => {
  /**
   * A chat whose editor is keyed to the open conversation. Switching runs in
   * a transition; conversation "slow" suspends for ever, so that render of
   * the editor (with its session, metadata and handler) is never committed.
   */
  function setupTransitionChat(strict = false) {
    const received: Received[] = [];
    const renderedWith: string[] = [];
    const editor: { set?: FeedbackStateSetter<string> } = {};
    let switchTo: (conversation: string) => void = () => {};
    function Editor({ conversation }: { conversation: string }) {
      renderedWith.push(conversation);
      const [text, setText] = useFeedbackState("Hello", `session-${conversation}`, {
        debounceMs: 1000,
        metadata: { conversation },
        onFeedback: (data) => void received.push({ ...data, handledBy: conversation }),
      });
      editor.set = setText;
      return <p>{text}</p>;
    }
    function Chat() {
      const [conversation, setConversation] = useState("A");
      switchTo = (next) => startTransition(() => setConversation(next));
      return (
        <Suspense fallback={<p>Loading…</p>}>
          <Editor conversation={conversation} />
          {conversation === "slow" && <NeverReady />}
        </Suspense>
      );
    }
    const view = render(strict ? <StrictMode><Chat /></StrictMode> : <Chat />);
    return { received, renderedWith, editor, view, switchTo: (next: string) => act(() => switchTo(next)) };
  }

  it.each([
    ["", false],
    [" under StrictMode", true],
  ])("sends my edit with the conversation I see while the next one is still loading%s", (_mode, strict) => {
    const { received, renderedWith, editor, view, switchTo } = setupTransitionChat(strict);
    switchTo("slow");
    // The editor did render for the slow conversation, but React never showed it.
    expect(renderedWith).toContain("slow");
    expect(view.container.textContent).toBe("Hello");
    act(() => editor.set!("Hello there", "manual_refinement"));
    act(() => vi.advanceTimersByTime(1000));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ session_id: "session-A", metadata: { conversation: "A" }, handledBy: "A", value: "-Hello\n+Hello there" });
  });

  it("sends my pending edit with the conversation I see when the page is hidden during the transition", () => {
    const { received, editor, switchTo } = setupTransitionChat();
    act(() => editor.set!("Hello there", "manual_refinement"));
    switchTo("slow");
    window.dispatchEvent(new Event("pagehide"));
    expect(received).toEqual([expect.objectContaining({ session_id: "session-A", metadata: { conversation: "A" }, handledBy: "A" })]);
  });

  it("applies my action with the reducer on screen, not one from a render that never committed", () => {
    const received: FeedbackData[] = [];
    const list: { dispatch?: FeedbackDispatch<{ type: "add"; item: string }> } = {};
    let switchMode: () => void = () => {};
    function List({ mode }: { mode: "append" | "replace" }) {
      const [items, dispatch] = useFeedbackReducer(
        (state: string[], action: { type: "add"; item: string }) => (mode === "append" ? [...state, action.item] : [action.item]),
        ["a"],
        `session-${mode}`,
        { debounceMs: 100, onFeedback: (data) => void received.push(data) },
      );
      list.dispatch = dispatch;
      return <p>{items.join(",")}</p>;
    }
    function App() {
      const [mode, setMode] = useState<"append" | "replace">("append");
      switchMode = () => startTransition(() => setMode("replace"));
      return (
        <Suspense fallback={<p>Loading…</p>}>
          <List mode={mode} />
          {mode === "replace" && <NeverReady />}
        </Suspense>
      );
    }
    const view = render(<App />);
    act(() => switchMode());
    act(() => list.dispatch!({ type: "add", item: "b" }));
    expect(view.container.textContent).toBe("a,b");
    act(() => vi.advanceTimersByTime(100));
    expect(received).toEqual([expect.objectContaining({ session_id: "session-append", trigger_name: "add" })]);
  });
});

describe("an edit sequence belongs to the session it started in", () => {
  /**
   * A chat that shows one conversation's AI answer in an editor. Opening
   * another conversation sets its answer as the editor's text, as apps do:
   * in an effect (`"effect"`), in the same click handler (`"handler"`), or
   * from a child's layout effect in the commit of the new conversation
   * (`"child layout effect"`), or while rendering it (`"render"`, React's
   * "adjust state when a prop changes" pattern).
   */
  function setupChat(loadAnswer: "effect" | "handler" | "child layout effect" | "render", loadTrigger?: string) {
    const received: Received[] = [];
    const editor: { set?: FeedbackStateSetter<string> } = {};
    let open: (conversation: string) => void = () => {};
    function AnswerLoader({ conversation, set }: { conversation: string; set: FeedbackStateSetter<string> }) {
      useLayoutEffect(() => set(ANSWERS[conversation]!, loadTrigger), [conversation, set]);
      return null;
    }
    function Chat() {
      const [conversation, setConversation] = useState("A");
      const [text, setText] = useFeedbackState(ANSWERS.A!, conversation, {
        debounceMs: 3000,
        metadata: { conversation },
        onFeedback: (data) => void received.push({ ...data, handledBy: conversation }),
      });
      editor.set = setText;
      const [answerOf, setAnswerOf] = useState(conversation);
      if (loadAnswer === "render" && answerOf !== conversation) {
        setAnswerOf(conversation);
        setText(ANSWERS[conversation]!, loadTrigger);
      }
      useEffect(() => {
        if (loadAnswer === "effect") setText(ANSWERS[conversation]!, loadTrigger);
      }, [conversation, setText]);
      open = (next) => {
        setConversation(next);
        if (loadAnswer === "handler") setText(ANSWERS[next]!, loadTrigger);
      };
      return (
        <>
          <p>{text}</p>
          {loadAnswer === "child layout effect" && <AnswerLoader conversation={conversation} set={setText} />}
        </>
      );
    }
    render(<Chat />);
    const fixA = () => act(() => editor.set!("Your refund was approved today.", loadTrigger === undefined ? undefined : "manual_refinement"));
    return { received, editor, fixA, open: (next: string) => act(() => open(next)) };
  }

  const A_FIX = { session_id: "A", metadata: { conversation: "A" }, handledBy: "A", value: "-Your refund was approved.\n+Your refund was approved today." };

  it.each([
    ["in an effect", "effect"],
    ["in the click handler", "handler"],
    ["in a child's layout effect", "child layout effect"],
    ["while rendering", "render"],
  ] as const)("sends my fix to answer A with A's session when I open conversation B before the quiet time ends, B's answer loaded %s", (_how, loadAnswer) => {
    const { received, fixA, open } = setupChat(loadAnswer, "ai_generation");
    fixA();
    act(() => vi.advanceTimersByTime(1000));
    open("B");
    // Sent in the commit that opened B, before B's answer counted as an edit.
    expect(received).toEqual([expect.objectContaining({ ...A_FIX, trigger_name: "manual_refinement" })]);
    act(() => vi.advanceTimersByTime(3000));
    expect(received).toHaveLength(2);
    expect(received[1]).toMatchObject({ session_id: "B", metadata: { conversation: "B" }, handledBy: "B", trigger_name: "ai_generation" });
  });

  it.each([
    ["in an effect", "effect"],
    ["in the click handler", "handler"],
    ["in a child's layout effect", "child layout effect"],
    ["while rendering", "render"],
  ] as const)("keeps my fix to A apart from B's answer when every change has the same trigger, B's answer loaded %s", (_how, loadAnswer) => {
    const { received, fixA, open } = setupChat(loadAnswer);
    fixA();
    open("B");
    expect(received).toEqual([expect.objectContaining({ ...A_FIX, trigger_name: "auto_state_change" })]);
    act(() => vi.advanceTimersByTime(3000));
    expect(received).toHaveLength(2);
    expect(received[1]).toMatchObject({
      session_id: "B",
      handledBy: "B",
      value: "-Your refund was approved today.\n+Your order ships on Monday.",
    });
  });

  it.each([
    ["", (node: ReactElement) => node],
    [" under StrictMode", (node: ReactElement) => <StrictMode>{node}</StrictMode>],
  ])("sends my fix to A once, at the switch, when B's text is left as it was%s", (_mode, wrap) => {
    const received: FeedbackData[] = [];
    const editor: { set?: FeedbackStateSetter<string> } = {};
    function Editor({ conversation }: { conversation: string }) {
      const [text, setText] = useFeedbackState("Draft", conversation, { debounceMs: 3000, onFeedback: (data) => void received.push(data) });
      editor.set = setText;
      return <p>{text}</p>;
    }
    const view = render(wrap(<Editor conversation="A" />));
    act(() => editor.set!("Draft, fixed"));
    view.rerender(wrap(<Editor conversation="B" />));
    expect(received).toEqual([expect.objectContaining({ session_id: "A", value: "-Draft\n+Draft, fixed" })]);
    act(() => vi.advanceTimersByTime(10_000));
    view.unmount();
    expect(received).toHaveLength(1);
  });

  it("goes on with one sequence when a session_id function is new on each render but names the same session", () => {
    const received: FeedbackData[] = [];
    const editor: { set?: FeedbackStateSetter<string> } = {};
    function Editor({ conversation, tick }: { conversation: string; tick: number }) {
      const [text, setText] = useFeedbackState("Draft", () => `${conversation}`, { debounceMs: 3000, metadata: { tick }, onFeedback: (data) => void received.push(data) });
      editor.set = setText;
      return <p>{text}</p>;
    }
    const view = render(<Editor conversation="A" tick={0} />);
    act(() => editor.set!("Draft,"));
    view.rerender(<Editor conversation="A" tick={1} />);
    act(() => editor.set!("Draft, fixed"));
    view.rerender(<Editor conversation="A" tick={2} />);
    expect(received).toHaveLength(0);
    act(() => vi.advanceTimersByTime(3000));
    expect(received).toEqual([expect.objectContaining({ session_id: "A", value: "-Draft\n+Draft, fixed" })]);
  });

  it("sends my fix with the session a session_id function named when it began, once the function names another", () => {
    const received: FeedbackData[] = [];
    const editor: { set?: FeedbackStateSetter<string> } = {};
    function Editor({ conversation }: { conversation: string }) {
      const [text, setText] = useFeedbackState("Draft", () => `chat-${conversation}`, { debounceMs: 3000, onFeedback: (data) => void received.push(data) });
      editor.set = setText;
      return <p>{text}</p>;
    }
    const view = render(<Editor conversation="A" />);
    act(() => editor.set!("Draft, fixed"));
    view.rerender(<Editor conversation="B" />);
    expect(received).toEqual([expect.objectContaining({ session_id: "chat-A", value: "-Draft\n+Draft, fixed" })]);
    act(() => editor.set!("Draft, fixed for B"));
    act(() => vi.advanceTimersByTime(3000));
    expect(received[1]).toMatchObject({ session_id: "chat-B", value: "-Draft, fixed\n+Draft, fixed for B" });
  });

  it("sends a reducer's pending actions with the session they were dispatched in", () => {
    const received: FeedbackData[] = [];
    const list: { dispatch?: FeedbackDispatch<{ type: "add"; item: string }> } = {};
    function List({ conversation }: { conversation: string }) {
      const [items, dispatch] = useFeedbackReducer((state: string[], action: { type: "add"; item: string }) => [...state, action.item], ["a"], conversation, {
        debounceMs: 3000,
        onFeedback: (data) => void received.push(data),
      });
      list.dispatch = dispatch;
      return <p>{items.join(",")}</p>;
    }
    const view = render(<List conversation="A" />);
    act(() => list.dispatch!({ type: "add", item: "b" }));
    view.rerender(<List conversation="B" />);
    expect(received).toEqual([expect.objectContaining({ session_id: "A", trigger_name: "add" })]);
    act(() => list.dispatch!({ type: "add", item: "c" }));
    act(() => vi.advanceTimersByTime(3000));
    expect(received[1]).toMatchObject({ session_id: "B", trigger_name: "add" });
    expect(received[1]!.value).toContain('+  "c"');
  });
});

describe("a session_id function: a change into another session never carries the last one's edit (issue 18.4)", () => {
  interface Chat {
    sessionId: string;
    text: string;
  }
  function setup(options: { trigger?: string; strict?: boolean } = {}) {
    const received: FeedbackData[] = [];
    const editor: { set?: FeedbackStateSetter<Chat> } = {};
    function Editor() {
      const [chat, setChat] = useFeedbackState<Chat>({ sessionId: "A", text: ANSWERS.A! }, (state) => state.sessionId, {
        debounceMs: 3000,
        onFeedback: (data) => void received.push(data),
      });
      editor.set = setChat;
      return <p>{chat.text}</p>;
    }
    render(options.strict ? <StrictMode><Editor /></StrictMode> : <Editor />);
    const set = (chat: Chat) => act(() => editor.set!(chat, options.trigger));
    return { received, set };
  }

  it.each([
    ["with no trigger named", undefined, false],
    ["when every change is a manual_refinement", "manual_refinement", false],
    ["under StrictMode", "manual_refinement", true],
  ])("sends my fix under A before the state moves to B with the same trigger (%s)", (_how, trigger, strict) => {
    const { received, set } = setup({ trigger, strict });
    set({ sessionId: "A", text: "Your refund was approved today." });
    set({ sessionId: "B", text: ANSWERS.B! });
    // Sent at the change into B, with A's own session and A's text only.
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ session_id: "A" });
    expect(received[0]!.value).toContain("today");
    expect(received[0]!.value).not.toContain("Monday");
    act(() => vi.advanceTimersByTime(3000));
    // What followed is B's, as when a string session_id changes.
    expect(received.slice(1).map((signal) => signal.session_id)).toEqual(["B"]);
  });

  it("goes on with one sequence while the function names the same session for every change", () => {
    const { received, set } = setup({ trigger: "manual_refinement" });
    set({ sessionId: "A", text: "Your refund was" });
    set({ sessionId: "A", text: "Your refund was approved today." });
    act(() => vi.advanceTimersByTime(3000));
    expect(received).toEqual([expect.objectContaining({ session_id: "A", trigger_name: "manual_refinement" })]);
  });
});
