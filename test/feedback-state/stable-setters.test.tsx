import { act, render } from "@testing-library/react";
import { StrictMode, useEffect, useState, version } from "react";
import { describe, expect, it } from "vitest";
import { useFeedbackReducer, useFeedbackState } from "../../src";

// Issue 22.5: the setter and dispatch are stable like React's, so leaving them out of (or putting them in) an effect's deps is safe.
// Runs in the unit (React 19) and unit-react18 projects.
describe(`useFeedbackState's setter and useFeedbackReducer's dispatch keep their identity (React ${version})`, () => {
  function setup(strict: boolean) {
    const setters: unknown[] = [];
    const dispatches: unknown[] = [];
    const reactSetters: unknown[] = [];
    const committed: unknown[][] = [];
    const effectRuns: string[] = [];
    let rerender: () => void = () => {};
    function Editor({ sessionId }: { sessionId: string }) {
      const [, force] = useState(0);
      rerender = () => force((n) => n + 1);
      reactSetters.push(force);
      const [draft, setDraft] = useFeedbackState("", sessionId, { onFeedback: () => {}, metadata: { inline: true } });
      const [count, dispatch] = useFeedbackReducer((n: number, _action: { type: "inc" }) => n + 1, 0, () => sessionId, { onFeedback: () => {} });
      setters.push(setDraft);
      dispatches.push(dispatch);
      // As the README writes it: the setter in the deps, as exhaustive-deps asks for a custom hook's setter.
      useEffect(() => {
        committed.push([setDraft, dispatch]);
      });
      useEffect(() => {
        effectRuns.push("setDraft");
      }, [setDraft]);
      useEffect(() => {
        effectRuns.push("dispatch");
      }, [dispatch]);
      return (
        <p>
          {draft}
          {count}
        </p>
      );
    }
    const view = render(strict ? <StrictMode><Editor sessionId="s-1" /></StrictMode> : <Editor sessionId="s-1" />);
    return { setters, dispatches, reactSetters, committed, effectRuns, view, rerender: () => act(() => rerender()), Editor };
  }

  it.each([
    ["", false],
    [" under StrictMode", true],
  ])("are the same functions on every render, after their own updates, and when the session changes%s", (_mode, strict) => {
    const { setters, dispatches, reactSetters, committed, effectRuns, view, rerender, Editor } = setup(strict);
    const runsAfterMount = effectRuns.length;
    rerender();
    act(() => (setters[0] as (value: string, trigger?: string) => void)("typed", "manual_refinement"));
    act(() => (dispatches[0] as (action: { type: "inc" }) => void)({ type: "inc" }));
    view.rerender(strict ? <StrictMode><Editor sessionId="s-2" /></StrictMode> : <Editor sessionId="s-2" />);
    expect(committed.length).toBeGreaterThan(3);
    // Every commit saw the same two functions.
    expect(new Set(committed.map(([setter]) => setter)).size).toBe(1);
    expect(new Set(committed.map(([, dispatch]) => dispatch)).size).toBe(1);
    // Across every render, committed or not, as many identities as React's own setter has (React 18's StrictMode
    // mount renders twice with fresh state, for useState too; one of them is thrown away).
    expect(new Set(setters).size).toBe(new Set(reactSetters).size);
    expect(new Set(dispatches).size).toBe(new Set(reactSetters).size);
    // An effect that lists them never runs again because of them.
    expect(effectRuns.length).toBe(runsAfterMount);
  });
});
