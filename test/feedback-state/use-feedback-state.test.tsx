import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FeedbackData } from "../../src/core/signal";
import { useFeedbackState, type FeedbackStateOptions } from "../../src";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup<T>(initial: T, options: FeedbackStateOptions<T> = {}, session_id: string | ((state: T) => string) = "sess-1") {
  const signals: FeedbackData[] = [];
  const onFeedback = vi.fn((data: FeedbackData) => {
    signals.push(data);
  });
  const hook = renderHook(() => useFeedbackState<T>(initial, session_id, { onFeedback, ...options }));
  const set = (value: T | ((previous: T) => T), trigger?: string) => act(() => hook.result.current[1](value, trigger));
  return { hook, signals, onFeedback, set, state: () => hook.result.current[0] };
}

const AI_TEXT =
  "Thanks for reaching out! Our refund policy lets you return any item within 30 days of delivery.\n" +
  "Refunds are issued to the original payment method within 5 business days.\n" +
  "If the item arrived damaged, attach a photo and we will send a replacement at no cost.";

describe("useFeedbackState", () => {
  it("works like useState: returns the state and a setter that takes a value or an updater", () => {
    const { state, set } = setup(1);
    expect(state()).toBe(1);
    set(5);
    expect(state()).toBe(5);
    set((n) => n * 2);
    expect(state()).toBe(10);
  });

  it("accepts a lazy initial state like useState", () => {
    const init = vi.fn(() => "from init");
    const { hook } = { hook: renderHook(() => useFeedbackState(init, "s", { onFeedback: () => {} })) };
    expect(hook.result.current[0]).toBe("from init");
    hook.rerender();
    expect(init).toHaveBeenCalledTimes(1);
  });

  it("keeps the setter identity across renders", () => {
    const { hook, set } = setup("a");
    const first = hook.result.current[1];
    set("b");
    expect(hook.result.current[1]).toBe(first);
  });

  it("emits one edit signal after 3 seconds of quiet, with trigger, score, diff, confidence and metadata", () => {
    const { set, signals } = setup("hello world", { metadata: { screen: "draft" } });
    set("hello brave world");
    vi.advanceTimersByTime(2999);
    expect(signals).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(signals).toEqual([
      {
        session_id: "sess-1",
        kind: "edit",
        source: "human",
        trigger_name: "auto_state_change",
        score: 1,
        value: "-hello world\n+hello brave world",
        confidence: 6 / 17,
        metadata: { screen: "draft" },
      },
    ]);
  });

  it("calls the handler synchronously when the debounce timer fires", () => {
    const { set, onFeedback } = setup("a", { debounceMs: 500 });
    set("ab");
    vi.advanceTimersByTime(500);
    expect(onFeedback).toHaveBeenCalledTimes(1);
  });

  it("groups changes with the same trigger into one signal, each change restarting the timer", () => {
    const { set, signals } = setup("", { debounceMs: 1000 });
    set("H", "typing");
    vi.advanceTimersByTime(900);
    set("He", "typing");
    vi.advanceTimersByTime(900);
    set("Hey", "typing");
    vi.advanceTimersByTime(999);
    expect(signals).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ trigger_name: "typing", value: "+Hey", confidence: 1 });
  });

  it("starts a new sequence after the quiet time", () => {
    const { set, signals } = setup("a", { debounceMs: 100 });
    set("ab");
    vi.advanceTimersByTime(100);
    set("abc");
    vi.advanceTimersByTime(100);
    expect(signals.map((s) => s.value)).toEqual(["-a\n+ab", "-ab\n+abc"]);
  });

  it("emits the running sequence synchronously, before the new change applies, when the trigger changes", () => {
    const { hook, set, signals, onFeedback } = setup("", { debounceMs: 1000 });
    let stateSeenByHandler: string | undefined;
    onFeedback.mockImplementation((data) => {
      signals.push(data);
      stateSeenByHandler = hook.result.current[0];
    });
    set(AI_TEXT, "ai_generation");
    act(() => {
      hook.result.current[1](AI_TEXT.replace("30 days", "60 days"), "manual_refinement");
      expect(onFeedback).toHaveBeenCalledTimes(1);
    });
    expect(signals[0]).toMatchObject({ trigger_name: "ai_generation", confidence: 1, score: 0 });
    expect(stateSeenByHandler).toBe(AI_TEXT);
    vi.advanceTimersByTime(1000);
    expect(signals[1]).toMatchObject({ trigger_name: "manual_refinement", score: 1 });
  });

  it("reports a five-character fix of an AI answer as a small manual_refinement, not a diff against the empty start", () => {
    const { set, signals } = setup<string | null>(null);
    set(AI_TEXT, "ai_generation");
    vi.advanceTimersByTime(3000);
    expect(signals).toHaveLength(0); // the first value after null is the baseline
    // The user types " to 7" after "within 5", one keystroke at a time.
    for (let typed = 1; typed <= 5; typed++) {
      set(AI_TEXT.replace("within 5", `within 5${" to 7".slice(0, typed)}`), "manual_refinement");
      vi.advanceTimersByTime(500);
    }
    expect(signals).toHaveLength(0);
    vi.advanceTimersByTime(3000);
    expect(signals).toHaveLength(1);
    const [signal] = signals;
    expect(signal).toMatchObject({ kind: "edit", source: "human", trigger_name: "manual_refinement", score: 1 });
    expect(signal!.confidence).toBeCloseTo(5 / (AI_TEXT.length + 5));
    expect(signal!.value).toBe(
      "-Refunds are issued to the original payment method within 5 business days.\n" +
        "+Refunds are issued to the original payment method within 5 to 7 business days.",
    );
    expect(signal!.value).not.toContain("damaged");
    expect(signal!.value!.length).toBeLessThan(AI_TEXT.length);
  });

  it("diffs each sequence against the state it began from, after an emission moves the baseline", () => {
    const { set, signals } = setup("one", { debounceMs: 10 });
    set("one two", "ai_generation");
    set("one two three", "manual_refinement");
    vi.advanceTimersByTime(10);
    expect(signals.map((s) => [s.trigger_name, s.value])).toEqual([
      ["ai_generation", "-one\n+one two"],
      ["manual_refinement", "-one two\n+one two three"],
    ]);
  });

  it("emits nothing for a sequence that ends where it began", () => {
    const { set, signals } = setup("draft", { debounceMs: 100 });
    set("draft!");
    set("draft");
    vi.advanceTimersByTime(100);
    expect(signals).toHaveLength(0);
  });

  it("treats a change to an equal state as no change", () => {
    const { set, signals } = setup({ a: 1, b: [1, 2] }, { debounceMs: 100 });
    set({ b: [1, 2], a: 1 });
    vi.advanceTimersByTime(100);
    expect(signals).toHaveLength(0);
  });

  it("lets a running sequence go on when a change with another trigger leaves the state equal", () => {
    const { set, signals } = setup({ text: "a" }, { debounceMs: 100 });
    set({ text: "ab" }, "typing");
    set({ text: "ab" }, "autosave");
    expect(signals).toHaveLength(0);
    set({ text: "abc" }, "typing");
    vi.advanceTimersByTime(100);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ trigger_name: "typing" });
  });

  it("uses compareWith to decide what is a change", () => {
    const { set, signals } = setup({ text: "a", cursor: 0 }, { debounceMs: 100, compareWith: (x, y) => x.text === y.text });
    set({ text: "a", cursor: 1 });
    vi.advanceTimersByTime(100);
    expect(signals).toHaveLength(0);
    set({ text: "b", cursor: 1 });
    vi.advanceTimersByTime(100);
    expect(signals).toHaveLength(1);
  });

  it("scores by default 1 up to a 50% change and 0 beyond", () => {
    const { set, signals } = setup("abcd", { debounceMs: 10 });
    set("abXY", "half");
    set("abcd", "back");
    set("WXYZ", "all");
    vi.advanceTimersByTime(10);
    expect(signals.map((s) => [s.confidence, s.score])).toEqual([
      [0.5, 1],
      [0.5, 1],
      [1, 0],
    ]);
  });

  it("uses a fixed score or a score function of before, after and the percentage", () => {
    const fixed = setup("a", { debounceMs: 10, score: 0.7 });
    fixed.set("b");
    vi.advanceTimersByTime(10);
    expect(fixed.signals[0]!.score).toBe(0.7);

    const score = vi.fn(() => 0.25);
    const computed = setup("abcd", { debounceMs: 10, score });
    computed.set("abce");
    vi.advanceTimersByTime(10);
    expect(score).toHaveBeenCalledWith("abcd", "abce", 0.25);
    expect(computed.signals[0]!.score).toBe(0.25);
  });

  it("names the trigger default_trigger_name when setState names none", () => {
    const { set, signals } = setup("a", { debounceMs: 10, default_trigger_name: "editor" });
    set("b");
    vi.advanceTimersByTime(10);
    expect(signals[0]!.trigger_name).toBe("editor");
  });

  it.each([
    ["object", '[\n  {\n    "kind": "E",\n    "path": [\n      "n"\n    ],\n    "lhs": 1,\n    "rhs": 2\n  }\n]'],
    ["json", '{\n  "before": {\n    "n": 1\n  },\n  "after": {\n    "n": 2\n  }\n}'],
    ["git", '-  "n": 1\n+  "n": 2'],
  ] as const)('writes the value in the "%s" format', (diffType, expected) => {
    const { set, signals } = setup({ n: 1 }, { debounceMs: 10, diffType });
    set({ n: 2 });
    vi.advanceTimersByTime(10);
    expect(signals[0]!.value).toBe(expected);
  });

  it("evaluates a session_id function on the state being reported", () => {
    const { set, signals } = setup({ id: "s-1", text: "a" }, { debounceMs: 10 }, (state) => state.id);
    set({ id: "s-1", text: "b" }, "first");
    set({ id: "s-2", text: "b" }, "second");
    vi.advanceTimersByTime(10);
    expect(signals.map((s) => s.session_id)).toEqual(["s-1", "s-2"]);
  });
});

describe("ignoreInitialNullish", () => {
  it.each([null, undefined])("does not report the first change from an initial %s, and makes it the baseline", (initial) => {
    const { set, signals } = setup<string | null | undefined>(initial, { debounceMs: 10 });
    set("AI answer");
    vi.advanceTimersByTime(10);
    expect(signals).toHaveLength(0);
    set("AI answer, edited");
    vi.advanceTimersByTime(10);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.value).toBe("-AI answer\n+AI answer, edited");
  });

  it("reports later changes back to null and on again", () => {
    const { set, signals } = setup<string | null>(null, { debounceMs: 10 });
    set("first");
    vi.advanceTimersByTime(10);
    set(null);
    vi.advanceTimersByTime(10);
    set("second");
    vi.advanceTimersByTime(10);
    expect(signals.map((s) => s.value)).toEqual(["-first", "+second"]);
  });

  it("waits for a value: a change from null to undefined does not use up the exemption", () => {
    const { set, signals } = setup<string | null | undefined>(null, { debounceMs: 10 });
    set(undefined);
    set("value");
    vi.advanceTimersByTime(10);
    expect(signals).toHaveLength(0);
  });

  it("reports the first change from null when turned off", () => {
    const { set, signals } = setup<string | null>(null, { debounceMs: 10, ignoreInitialNullish: false });
    set("AI answer");
    vi.advanceTimersByTime(10);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ value: "+AI answer", confidence: 1, score: 0 });
  });

  it("does not apply to a state that starts with a value", () => {
    const { set, signals } = setup<string | null>("start", { debounceMs: 10 });
    set(null);
    vi.advanceTimersByTime(10);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.value).toBe("-start");
  });
});
