import { render } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { VoteFeedback } from "../../src/vote-feedback";
import { installResizeObserverStub } from "../vote-feedback/widget";
import { spyOnConsole } from "./support";

beforeAll(() => installResizeObserverStub());
beforeEach(() => resetLogOnce());
afterEach(() => vi.unstubAllEnvs());

function Answer({ sessionId, onFeedback }: { sessionId: string; onFeedback?: () => void }) {
  return (
    <VoteFeedback.Root session_id={sessionId} onFeedback={onFeedback}>
      <VoteFeedback.UpvoteButton>👍</VoteFeedback.UpvoteButton>
      <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
    </VoteFeedback.Root>
  );
}

describe("VoteFeedback.Root in development", () => {
  it("warns as soon as it mounts with neither a KeletProvider nor onFeedback, before any vote is lost", () => {
    const console = spyOnConsole();
    render(<Answer sessionId="sess-1" />);
    const [warning, ...rest] = console.warnings();
    expect(rest).toEqual([]);
    expect(warning).toContain("VoteFeedback.Root has no onFeedback handler and no KeletProvider above it");
  });

  it("says nothing with a provider, or with onFeedback", () => {
    const console = spyOnConsole();
    render(
      <>
        <KeletProvider apiKey="pk_1" project="p">
          <Answer sessionId="sess-1" />
        </KeletProvider>
        <Answer sessionId="sess-2" onFeedback={() => {}} />
      </>,
    );
    expect(console.all()).toEqual([]);
  });

  it.each(["", "undefined", "null"])("warns when its session_id is %j", (value) => {
    const console = spyOnConsole();
    render(<Answer sessionId={value} onFeedback={() => {}} />);
    expect(console.warnings().find((m) => m.includes(`session_id ${JSON.stringify(value)}`))).toContain("readSessionId(response)");
  });

  it("warns when its session_id is new on every render", () => {
    const console = spyOnConsole();
    const view = render(<Answer sessionId={crypto.randomUUID()} onFeedback={() => {}} />);
    for (let i = 0; i < 4; i += 1) view.rerender(<Answer sessionId={crypto.randomUUID()} onFeedback={() => {}} />);
    expect(console.warnings().filter((m) => m.includes("VoteFeedback.Root got a different session_id"))).toHaveLength(1);
  });
});

describe("VoteFeedback.Root in production", () => {
  it("says nothing about a missing destination, a placeholder or a per-render session id", () => {
    vi.stubEnv("NODE_ENV", "production");
    const console = spyOnConsole();
    render(<Answer sessionId="undefined" />);
    const view = render(<Answer sessionId={crypto.randomUUID()} onFeedback={() => {}} />);
    for (let i = 0; i < 4; i += 1) view.rerender(<Answer sessionId={crypto.randomUUID()} onFeedback={() => {}} />);
    expect(console.all()).toEqual([]);
  });
});
