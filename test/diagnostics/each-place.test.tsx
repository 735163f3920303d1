import { act, fireEvent, render, renderHook } from "@testing-library/react";
import { useEffect } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { createKeletClient } from "../../src/core";
import { useFeedbackReducer, useFeedbackState, useKeletSignal, type FeedbackStateSetter } from "../../src";
import { useKeletFeedbackAdapter } from "../../src/integrations/assistant-ui";
import { useKeletChat } from "../../src/integrations/ai-sdk";
import { useSignalServer } from "../support/signal-server";
import { Provider, Widget, installResizeObserverStub, upvote } from "../vote-feedback/widget";
import { spyOnConsole } from "./support";

// Issue 22.3 and 22.4: each wrong call site is named on the first run.
installResizeObserverStub();
const server = useSignalServer();
beforeEach(() => resetLogOnce());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

const placeholderWarnings = (console: ReturnType<typeof spyOnConsole>, value: string) =>
  console.warnings().filter((message) => message.includes(`session_id ${JSON.stringify(value)}`));

describe('a placeholder session id ("undefined") is named at each place that uses it', () => {
  it("warns once for VoteFeedback.Root, once for useFeedbackState and once for useKeletSignal, each naming its place, though all three sent signals", async () => {
    const console = spyOnConsole();
    const editor: { set?: FeedbackStateSetter<string> } = {};
    function Editor() {
      const [text, setText] = useFeedbackState("draft", "undefined", { debounceMs: 10 });
      editor.set = setText;
      return <p>{text}</p>;
    }
    let send: ReturnType<typeof useKeletSignal> = async () => {};
    function ByHand() {
      send = useKeletSignal();
      return null;
    }
    render(
      <Provider baseUrl={server.origin}>
        <Widget session_id="undefined" />
        <Editor />
        <ByHand />
      </Provider>,
    );
    fireEvent.click(upvote());
    act(() => editor.set!("draft, edited"));
    for (let i = 0; i < 5; i++) await send({ session_id: "undefined", kind: "event", trigger_name: "user-copy" });
    await server.waitForAccepted(7);
    const warnings = placeholderWarnings(console, "undefined");
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^\[kelet\] VoteFeedback\.Root got session_id "undefined"/);
    expect(warnings[1]).toMatch(/^\[kelet\] useFeedbackState got session_id "undefined"/);
    expect(warnings[2]).toMatch(/^\[kelet\] useKeletSignal\(\) got session_id "undefined"/);
    // The warnings explain; every signal still went out.
    expect(server.accepted().every((signal) => signal.session_id === "undefined")).toBe(true);
  });

  it("names useFeedbackReducer, and a session_id function's placeholder at send time with the hook's name", async () => {
    const console = spyOnConsole();
    let dispatch: (action: { type: "add" }) => void = () => {};
    function List() {
      const [items, send] = useFeedbackReducer((state: number[]) => [...state, state.length], [0], () => "null", { debounceMs: 10 });
      dispatch = send;
      return <p>{items.length}</p>;
    }
    render(
      <Provider baseUrl={server.origin}>
        <List />
      </Provider>,
    );
    act(() => dispatch({ type: "add" }));
    await server.waitForAccepted(1);
    const warnings = placeholderWarnings(console, "null");
    expect(warnings).toEqual([expect.stringMatching(/^\[kelet\] useFeedbackReducer got session_id "null"/)]);
  });

  it("names a /core client's signal() apart from the components", async () => {
    const console = spyOnConsole();
    const kelet = createKeletClient({ apiKey: "pk_test", project: "p", baseUrl: server.origin });
    try {
      render(<Widget session_id="session" onFeedback={() => {}} />);
      await kelet.signal({ session_id: "session", score: 1 });
      await kelet.signal({ session_id: "session", score: 0 });
    } finally {
      kelet.close();
    }
    const warnings = placeholderWarnings(console, "session");
    expect(warnings).toEqual([
      expect.stringMatching(/^\[kelet\] VoteFeedback\.Root got/),
      expect.stringMatching(/^\[kelet\] A \/core client's signal\(\) got/),
    ]);
  });

  it("names the assistant-ui adapter and the AI SDK chat", async () => {
    const console = spyOnConsole();
    const wrapper = ({ children }: { children: React.ReactNode }) => <Provider baseUrl={server.origin}>{children}</Provider>;
    const { result: adapter } = renderHook(() => useKeletFeedbackAdapter({ sessionId: "undefined" }), { wrapper });
    await adapter.current.submit({ type: "positive", message: { id: "m-1" } } as never);
    const chatLike = { id: "undefined", status: "ready", messages: [{ id: "a-1", role: "assistant" }], regenerate: async () => {}, stop: async () => {} };
    const { result: chat } = renderHook(() => useKeletChat(chatLike as never), { wrapper });
    await act(() => (chat.current as typeof chatLike).regenerate());
    await server.waitForAccepted(2);
    expect(placeholderWarnings(console, "undefined")).toEqual([
      expect.stringMatching(/^\[kelet\] useKeletFeedbackAdapter got/),
      expect.stringMatching(/^\[kelet\] useKeletChat got/),
    ]);
  });

  it("says nothing of it in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const console = spyOnConsole();
    let send: ReturnType<typeof useKeletSignal> = async () => {};
    function ByHand() {
      send = useKeletSignal();
      return null;
    }
    render(
      <Provider baseUrl={server.origin}>
        <Widget session_id="undefined" />
        <ByHand />
      </Provider>,
    );
    fireEvent.click(upvote());
    await send({ session_id: "undefined" });
    await server.waitForAccepted(2);
    expect(console.all()).toEqual([]);
  });
});

describe("a page without a KeletProvider hears about it from each hook kind", () => {
  it("warns for useFeedbackState at mount and again for useKeletSignal when it sends, and each signal still resolves", async () => {
    const console = spyOnConsole();
    let send: ReturnType<typeof useKeletSignal> = async () => {};
    function Page() {
      useFeedbackState("draft", "s-1");
      useFeedbackState("other", "s-2");
      send = useKeletSignal();
      useEffect(() => {}, []);
      return null;
    }
    render(<Page />);
    await expect(send({ session_id: "s-1", kind: "event" })).resolves.toBeUndefined();
    await expect(send({ session_id: "s-1", kind: "event" })).resolves.toBeUndefined();
    const warnings = console.warnings().filter((message) => /KeletProvider/.test(message));
    expect(warnings).toEqual([
      expect.stringMatching(/^\[kelet\] useFeedbackState has no onFeedback handler and no KeletProvider above it/),
      expect.stringMatching(/^\[kelet\] useKeletSignal sent a signal outside any KeletProvider, so it went nowhere\. Wrap your app in <KeletProvider/),
    ]);
  });

  it("names the assistant-ui adapter, not useKeletSignal, when its vote goes nowhere", async () => {
    const console = spyOnConsole();
    const { result: adapter } = renderHook(() => useKeletFeedbackAdapter({ sessionId: "s-1" }));
    await adapter.current.submit({ type: "negative", message: { id: "m-1" } } as never);
    await adapter.current.submit({ type: "positive", message: { id: "m-2" } } as never);
    expect(console.warnings().filter((message) => /KeletProvider/.test(message))).toEqual([
      expect.stringMatching(/^\[kelet\] useKeletFeedbackAdapter sent a signal outside any KeletProvider/),
    ]);
  });

  it("warns once for VoteFeedback.Root however many widgets the page holds and however often they send", async () => {
    const console = spyOnConsole();
    render(
      <>
        <Widget session_id="a" />
        <Widget session_id="b" />
      </>,
    );
    for (const button of document.querySelectorAll<HTMLButtonElement>('[aria-label="Upvote feedback"]')) fireEvent.click(button);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(console.warnings().filter((message) => /KeletProvider/.test(message))).toEqual([expect.stringMatching(/^\[kelet\] VoteFeedback\.Root has no onFeedback/)]);
  });
});
