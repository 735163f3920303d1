import { act, fireEvent, render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useDefaultFeedbackHandler, useFeedbackReducer, useFeedbackState, useKeletSignal, type FeedbackStateSetter } from "../../src";
import { useSignalServer } from "../support/signal-server";
import { Provider, Widget, installResizeObserverStub, upvote } from "../vote-feedback/widget";

// Review of issue 22.3 ("warn once per value and place, naming it") and 22.4 ("once per hook kind").
// One test per file run order matters: each test uses its own placeholder value or hook kinds.
installResizeObserverStub();
const server = useSignalServer();

function spy() {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  return () => warn.mock.calls.map((call) => call.map(String).join(" "));
}

describe("a placeholder session id is named at each place, in whatever order the places use it", () => {
  it('names useKeletSignal, then VoteFeedback.Root, then useFeedbackState when "undefined" reaches them in that order', async () => {
    const warnings = spy();
    const editor: { set?: FeedbackStateSetter<string> } = {};
    let send: ReturnType<typeof useKeletSignal> = async () => {};
    function Editor() {
      const [text, setText] = useFeedbackState("draft", () => "undefined", { debounceMs: 10 });
      editor.set = setText;
      return <p>{text}</p>;
    }
    function ByHand() {
      send = useKeletSignal();
      return null;
    }
    render(
      <Provider baseUrl={server.origin}>
        <ByHand />
        <Widget session_id={() => "undefined"} />
        <Editor />
      </Provider>,
    );
    await send({ session_id: "undefined", kind: "event", trigger_name: "copy" });
    fireEvent.click(upvote());
    act(() => editor.set!("draft, edited"));
    await server.waitForAccepted(3);
    const placeholder = warnings().filter((message) => message.includes('session_id "undefined"'));
    expect(placeholder).toHaveLength(3);
    expect(placeholder.some((message) => /useKeletSignal/.test(message))).toBe(true);
    expect(placeholder.some((message) => /VoteFeedback\.Root/.test(message))).toBe(true);
    expect(placeholder.some((message) => /useFeedbackState/.test(message))).toBe(true);
  });

  it('names useFeedbackReducer apart from useFeedbackState for the same placeholder "null"', async () => {
    const warnings = spy();
    const hooks: { set?: FeedbackStateSetter<string>; dispatch?: (action: { type: "inc" }) => void } = {};
    function Editor() {
      const [text, setText] = useFeedbackState("draft", "null", { debounceMs: 10 });
      const [count, dispatch] = useFeedbackReducer((n: number, _action: { type: "inc" }) => n + 1, 0, "null", { debounceMs: 10 });
      hooks.set = setText;
      hooks.dispatch = dispatch;
      return (
        <p>
          {text}
          {count}
        </p>
      );
    }
    render(
      <Provider baseUrl={server.origin}>
        <Editor />
      </Provider>,
    );
    act(() => hooks.set!("draft 2"));
    act(() => hooks.dispatch!({ type: "inc" }));
    await server.waitForAccepted(2);
    const placeholder = warnings().filter((message) => message.includes('session_id "null"'));
    expect(placeholder.filter((message) => /useFeedbackState/.test(message))).toHaveLength(1);
    expect(placeholder.filter((message) => /useFeedbackReducer/.test(message))).toHaveLength(1);
  });
});

describe("a page without a KeletProvider hears about it from each hook kind", () => {
  it("warns for VoteFeedback.Root, for useFeedbackReducer and for useDefaultFeedbackHandler, each once, and each still resolves", async () => {
    const warnings = spy();
    let send: ReturnType<typeof useDefaultFeedbackHandler> = async () => {};
    function Page() {
      useFeedbackReducer((n: number) => n + 1, 0, "s-1");
      send = useDefaultFeedbackHandler();
      return <Widget session_id="s-1" />;
    }
    render(<Page />);
    fireEvent.click(upvote());
    await expect(send({ session_id: "s-1", kind: "event" })).resolves.toBeUndefined();
    await expect(send({ session_id: "s-1", kind: "event" })).resolves.toBeUndefined();
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const missing = warnings().filter((message) => /KeletProvider/.test(message));
    expect(missing).toHaveLength(3);
    expect(missing.some((message) => /VoteFeedback\.Root/.test(message))).toBe(true);
    expect(missing.some((message) => /useFeedbackReducer/.test(message))).toBe(true);
    expect(missing.some((message) => /useKeletSignal|useDefaultFeedbackHandler/.test(message))).toBe(true);
  });
});

