import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { useFeedbackReducer, useFeedbackState } from "../../src/feedback-state";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { spyOnConsole } from "./support";

beforeEach(() => resetLogOnce());
afterEach(() => vi.unstubAllEnvs());

function Editor({ sessionId, onFeedback }: { sessionId: string; onFeedback?: () => void }) {
  const [text] = useFeedbackState("draft", sessionId, onFeedback ? { onFeedback } : undefined);
  return <p>{text}</p>;
}

function Counter({ sessionId }: { sessionId: string }) {
  const [count] = useFeedbackReducer((n: number, _action: { type: "inc" }) => n + 1, 0, sessionId);
  return <p>{count}</p>;
}

describe("the feedback hooks in development", () => {
  it("warn once per hook kind that edits go nowhere without a KeletProvider or onFeedback", () => {
    const console = spyOnConsole();
    render(
      <>
        <Editor sessionId="s-1" />
        <Editor sessionId="s-3" />
        <Counter sessionId="s-2" />
      </>,
    );
    const warnings = console.warnings().filter((m) => m.includes("go nowhere"));
    expect(warnings).toHaveLength(2);
    expect(warnings).toEqual([
      expect.stringMatching(/useFeedbackState has no onFeedback handler and no KeletProvider above it/),
      expect.stringMatching(/useFeedbackReducer has no onFeedback handler and no KeletProvider above it/),
    ]);
  });

  it("say nothing under a provider, or with onFeedback", () => {
    const console = spyOnConsole();
    render(
      <>
        <KeletProvider apiKey="pk_1" project="p">
          <Editor sessionId="s-1" />
          <Counter sessionId="s-2" />
        </KeletProvider>
        <Editor sessionId="s-3" onFeedback={() => {}} />
      </>,
    );
    expect(console.all()).toEqual([]);
  });

  it("warn about a placeholder session id", () => {
    const console = spyOnConsole();
    render(<Editor sessionId="null" onFeedback={() => {}} />);
    expect(console.warnings()[0]).toContain('useFeedbackState got session_id "null"');
  });

  it("warn about a session id that is new on every render", () => {
    const console = spyOnConsole();
    const view = render(<Counter sessionId="a" />);
    for (const id of ["b", "c", "d"]) view.rerender(<Counter sessionId={id} />);
    expect(console.warnings().some((m) => m.includes("useFeedbackReducer got a different session_id on each of its last 3 renders"))).toBe(true);
  });
});

describe("the feedback hooks in production", () => {
  it("say nothing about any of it", () => {
    vi.stubEnv("NODE_ENV", "production");
    const console = spyOnConsole();
    render(<Editor sessionId="undefined" />);
    const view = render(<Counter sessionId="a" />);
    for (const id of ["b", "c", "d", "e"]) view.rerender(<Counter sessionId={id} />);
    expect(console.all()).toEqual([]);
  });
});
