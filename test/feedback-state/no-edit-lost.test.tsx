import { act, render } from "@testing-library/react";
import { StrictMode, useState, type ReactElement } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FeedbackData } from "../../src/core/signal";
import { KeletContext, type KeletContextValue } from "../../src/provider/kelet-context";
import { KeletProvider, useFeedbackState, type FeedbackStateSetter } from "../../src";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
});

function hidePage() {
  Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
}

/** An editor whose options, session_id function and handler are all created inline on every render. */
function Editor({ log, setterOut, renders }: { log: FeedbackData[]; setterOut: { current?: FeedbackStateSetter<string> }; renders?: { count: number } }) {
  const [text, setText] = useFeedbackState("Hello", (state) => `session-${state.length > 0 ? "a" : "b"}`, {
    debounceMs: 1000,
    metadata: { editor: "inline" },
    onFeedback: (data) => {
      log.push(data);
    },
  });
  setterOut.current = setText;
  if (renders) renders.count++;
  return <p>{text}</p>;
}

function renderEditor(wrap: (node: ReactElement) => ReactElement = (node) => node) {
  const log: FeedbackData[] = [];
  const setterOut: { current?: FeedbackStateSetter<string> } = {};
  const view = render(wrap(<Editor log={log} setterOut={setterOut} />));
  const type = (value: string, trigger?: string) => act(() => setterOut.current!(value, trigger));
  return { log, view, type };
}

describe("no edit is lost", () => {
  it("emits a pending sequence when the component unmounts", () => {
    const { log, view, type } = renderEditor();
    type("Hello there");
    view.unmount();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ value: "-Hello\n+Hello there", session_id: "session-a" });
    vi.advanceTimersByTime(5000);
    expect(log).toHaveLength(1);
  });

  it("emits a pending sequence when the page is hidden, and only once", () => {
    const { log, type, view } = renderEditor();
    type("Hello there");
    hidePage();
    expect(log).toHaveLength(1);
    vi.advanceTimersByTime(5000);
    view.unmount();
    expect(log).toHaveLength(1);
  });

  it("emits a pending sequence on pagehide", () => {
    const { log, type } = renderEditor();
    type("Hello there");
    window.dispatchEvent(new Event("pagehide"));
    expect(log).toHaveLength(1);
  });

  it("keeps working after the page comes back from being hidden", () => {
    const { log, type } = renderEditor();
    type("Hello there");
    hidePage();
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    type("Hello there!");
    vi.advanceTimersByTime(1000);
    expect(log.map((s) => s.value)).toEqual(["-Hello\n+Hello there", "-Hello there\n+Hello there!"]);
  });

  it("stops listening to the page once unmounted", () => {
    const { log, type, view } = renderEditor();
    type("Hello there");
    view.unmount();
    hidePage();
    expect(log).toHaveLength(1);
  });

  it("neither drops nor duplicates a sequence when the component re-renders with inline options, session_id and handler", () => {
    const log: FeedbackData[] = [];
    const setterOut: { current?: FeedbackStateSetter<string> } = {};
    const renders = { count: 0 };
    const view = render(<Editor log={log} setterOut={setterOut} renders={renders} />);
    act(() => setterOut.current!("Hello w"));
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(150);
      view.rerender(<Editor log={log} setterOut={setterOut} renders={renders} />);
    }
    act(() => setterOut.current!("Hello world"));
    vi.advanceTimersByTime(999);
    expect(log).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(log).toHaveLength(1);
    expect(log[0]!.value).toBe("-Hello\n+Hello world");
    expect(renders.count).toBeGreaterThan(6);
  });

  it("uses the handler from the latest render", () => {
    const first = vi.fn();
    const second = vi.fn();
    function Hooked({ onFeedback }: { onFeedback: (d: FeedbackData) => void }) {
      const [, set] = useFeedbackState("a", "s", { debounceMs: 100, onFeedback });
      setter = set;
      return null;
    }
    let setter: FeedbackStateSetter<string> = () => {};
    const view = render(<Hooked onFeedback={first} />);
    act(() => setter("ab"));
    view.rerender(<Hooked onFeedback={second} />);
    vi.advanceTimersByTime(100);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("emits exactly once under React StrictMode's double effects", () => {
    const { log, type, view } = renderEditor((node) => <StrictMode>{node}</StrictMode>);
    type("Hello there");
    vi.advanceTimersByTime(1000);
    expect(log).toHaveLength(1);
    type("Hello there, friend");
    view.unmount();
    expect(log).toHaveLength(2);
  });

  it("emits once through a provider that re-renders with a new context value", () => {
    const sent: FeedbackData[] = [];
    let rerenderParent: () => void = () => {};
    let setter: FeedbackStateSetter<string> = () => {};
    function Hooked() {
      [, setter] = useFeedbackState("draft", "s", { debounceMs: 100 });
      return null;
    }
    function Parent() {
      const [tick, setTick] = useState(0);
      rerenderParent = () => setTick((t) => t + 1);
      // A new context value every render: the hook must read it when it sends, not restart.
      const value: KeletContextValue = { api_key: "pk", project: `p${tick}`, feedback: async (data) => void sent.push({ ...data, metadata: { project: `p${tick}` } }) };
      return (
        <KeletContext.Provider value={value}>
          <Hooked />
        </KeletContext.Provider>
      );
    }
    render(<Parent />);
    act(() => setter("draft 2"));
    act(() => rerenderParent());
    act(() => rerenderParent());
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.metadata).toEqual({ project: "p2" });
  });

  it("uses one timer per hook however many changes are made", () => {
    const setTimeoutSpy = vi.spyOn(globalThis, "setTimeout");
    const { type, log } = renderEditor();
    const before = setTimeoutSpy.mock.calls.length;
    for (let i = 0; i < 20; i++) type(`Hello ${"!".repeat(i + 1)}`);
    expect(vi.getTimerCount()).toBe(1);
    expect(setTimeoutSpy.mock.calls.length - before).toBe(20);
    vi.advanceTimersByTime(1000);
    expect(log).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("failures never escape", () => {
  it("reports an onFeedback rejection to the provider's onError", async () => {
    const reportFailure = vi.fn();
    let setter: FeedbackStateSetter<string> = () => {};
    function Hooked() {
      [, setter] = useFeedbackState("a", "s", { debounceMs: 10, onFeedback: () => Promise.reject(new Error("backend down")) });
      return null;
    }
    render(
      <KeletProvider apiKey="pk-kelet-test" project="p" onError={reportFailure}>
        <Hooked />
      </KeletProvider>,
    );
    act(() => setter("b"));
    vi.advanceTimersByTime(10);
    await vi.waitFor(() => expect(reportFailure).toHaveBeenCalledTimes(1));
    expect(reportFailure.mock.calls[0]![0].message).toBe("backend down");
    expect(reportFailure.mock.calls[0]![1]).toMatchObject({ kind: "edit", value: "-a\n+b" });
  });

  it("logs an onFeedback that throws outside any provider, without breaking the app", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    let setter: FeedbackStateSetter<string> = () => {};
    function Hooked() {
      const [text, set] = useFeedbackState("a", "s", {
        debounceMs: 10,
        onFeedback: () => {
          throw new Error("handler bug");
        },
      });
      setter = set;
      return <p>{text}</p>;
    }
    const view = render(<Hooked />);
    act(() => setter("b"));
    vi.advanceTimersByTime(10);
    act(() => setter("c", "other"));
    expect(view.container.textContent).toBe("c");
    expect(consoleError).toHaveBeenCalledWith("[kelet] handler bug", expect.objectContaining({ value: "-a\n+b" }));
  });

  it("reports a session_id function that throws instead of crashing the state update", () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const onFeedback = vi.fn();
    let setter: FeedbackStateSetter<string> = () => {};
    function Hooked() {
      [, setter] = useFeedbackState(
        "a",
        () => {
          throw new Error("no session yet");
        },
        { debounceMs: 10, onFeedback },
      );
      return null;
    }
    render(<Hooked />);
    act(() => setter("b", "one"));
    expect(() => act(() => setter("c", "two"))).not.toThrow();
    expect(onFeedback).not.toHaveBeenCalled();
    expect(consoleError).toHaveBeenCalledWith("[kelet] no session yet", expect.objectContaining({ trigger_name: "one" }));
  });
});
