import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FeedbackData } from "../../src/core/signal";
import { useFeedbackReducer } from "../../src";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

type Action = { type: "add"; item: string } | { type: "remove"; index: number } | { type: "rename"; index: number; item: string };

function listReducer(items: string[], action: Action): string[] {
  switch (action.type) {
    case "add":
      return [...items, action.item];
    case "remove":
      return items.filter((_, i) => i !== action.index);
    case "rename":
      return items.map((item, i) => (i === action.index ? action.item : item));
  }
}

function setup(initial: string[] = ["milk", "eggs"], options: { default_trigger_name?: string } = {}) {
  const signals: FeedbackData[] = [];
  const hook = renderHook(() =>
    useFeedbackReducer(listReducer, initial, "sess-r", { debounceMs: 100, onFeedback: (data) => void signals.push(data), ...options }),
  );
  const dispatch = (action: Action, trigger?: string) => act(() => hook.result.current[1](action, trigger));
  return { hook, signals, dispatch, state: () => hook.result.current[0] };
}

describe("useFeedbackReducer", () => {
  it("works like useReducer", () => {
    const { dispatch, state } = setup();
    dispatch({ type: "add", item: "bread" });
    expect(state()).toEqual(["milk", "eggs", "bread"]);
  });

  it("names the trigger after the action's type", () => {
    const { dispatch, signals } = setup();
    dispatch({ type: "add", item: "bread" });
    vi.advanceTimersByTime(100);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ kind: "edit", source: "human", session_id: "sess-r", trigger_name: "add" });
    expect(signals[0]!.value).toBe('-  "eggs"\n+  "eggs",\n+  "bread"');
  });

  it("prefers an explicit trigger_name over the action's type", () => {
    const { dispatch, signals } = setup();
    dispatch({ type: "add", item: "bread" }, "voice_command");
    vi.advanceTimersByTime(100);
    expect(signals[0]!.trigger_name).toBe("voice_command");
  });

  it("falls back to default_trigger_name, then auto_state_change, for actions without a string type", () => {
    const signals: FeedbackData[] = [];
    const counter = (n: number, action: number | { type: number }) => n + (typeof action === "number" ? action : action.type);
    const named = renderHook(() => useFeedbackReducer(counter, 10, "s", { debounceMs: 10, default_trigger_name: "counter", onFeedback: (d) => void signals.push(d) }));
    act(() => named.result.current[1](1));
    vi.advanceTimersByTime(10);
    const unnamed = renderHook(() => useFeedbackReducer(counter, 10, "s", { debounceMs: 10, onFeedback: (d) => void signals.push(d) }));
    act(() => unnamed.result.current[1]({ type: 2 }));
    vi.advanceTimersByTime(10);
    expect(signals.map((s) => s.trigger_name)).toEqual(["counter", "auto_state_change"]);
  });

  it("ends a sequence when the next action has another type, emitting before the new action applies", () => {
    const { dispatch, signals } = setup();
    dispatch({ type: "add", item: "bread" });
    dispatch({ type: "add", item: "jam" });
    expect(signals).toHaveLength(0);
    dispatch({ type: "remove", index: 0 });
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ trigger_name: "add", confidence: 0.25 }) // two items added: 2 × 0.5 over 4 items;
    vi.advanceTimersByTime(100);
    expect(signals[1]).toMatchObject({ trigger_name: "remove" });
  });

  it("runs an initializer on the initial argument, like useReducer", () => {
    const signals: FeedbackData[] = [];
    const init = vi.fn((csv: string) => csv.split(","));
    const hook = renderHook(() => useFeedbackReducer(listReducer, "milk,eggs", "s", { debounceMs: 10, onFeedback: (d) => void signals.push(d) }, init));
    expect(hook.result.current[0]).toEqual(["milk", "eggs"]);
    act(() => hook.result.current[1]({ type: "rename", index: 1, item: "eggs (free range)" }));
    vi.advanceTimersByTime(10);
    hook.rerender();
    expect(init).toHaveBeenCalledTimes(1);
    expect(signals[0]!.value).toBe('-  "eggs"\n+  "eggs (free range)"');
  });

  it("applies several dispatches in one event in order", () => {
    const { hook, state, signals } = setup();
    act(() => {
      hook.result.current[1]({ type: "add", item: "a" });
      hook.result.current[1]({ type: "add", item: "b" });
    });
    expect(state()).toEqual(["milk", "eggs", "a", "b"]);
    vi.advanceTimersByTime(100);
    expect(signals).toHaveLength(1);
  });

  it("uses the latest reducer passed in", () => {
    const signals: FeedbackData[] = [];
    let bonus = 1;
    const hook = renderHook(() => useFeedbackReducer((n: number, _a: { type: "inc" }) => n + bonus, 0, "s", { onFeedback: (d) => void signals.push(d) }));
    bonus = 10;
    hook.rerender();
    act(() => hook.result.current[1]({ type: "inc" }));
    expect(hook.result.current[0]).toBe(10);
  });

  it("emits nothing when a sequence of actions ends where it began", () => {
    const { dispatch, signals } = setup();
    dispatch({ type: "rename", index: 0, item: "oat milk" }, "fix");
    dispatch({ type: "rename", index: 0, item: "milk" }, "fix");
    vi.advanceTimersByTime(100);
    expect(signals).toHaveLength(0);
  });
});
