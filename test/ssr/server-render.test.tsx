// @vitest-environment node
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  KeletProvider,
  useDefaultFeedbackHandler,
  useFeedbackReducer,
  useFeedbackState,
  useKelet,
  useKeletSignal,
  VoteFeedback,
  VoteFeedbackDownvoteButton,
  VoteFeedbackPopover,
  VoteFeedbackReason,
  VoteFeedbackRoot,
  VoteFeedbackSubmitButton,
  VoteFeedbackTextarea,
  VoteFeedbackUpvoteButton,
} from "../../src";
import { useSessionIdCheck, useSignalDestinationCheck } from "../../src/provider/diagnostics-hooks";

// Runs in the unit and unit-react18 projects: server rendering under React 19 and 18.
let consoleCalls: unknown[][];
beforeEach(() => {
  consoleCalls = [];
  for (const level of ["error", "warn"] as const) vi.spyOn(console, level).mockImplementation((...args) => void consoleCalls.push(args));
});
afterEach(() => vi.restoreAllMocks());

function HookUser() {
  const { project } = useKelet();
  const send = useKeletSignal();
  const legacy = useDefaultFeedbackHandler();
  const [draft] = useFeedbackState("draft", "ssr-session");
  const [count] = useFeedbackReducer((n: number, _action: { type: "inc" }) => n + 1, 2, "ssr-session");
  useSignalDestinationCheck(false, "VoteFeedback.Root");
  useSessionIdCheck("ssr-session", "VoteFeedback.Root");
  const ready = typeof send === "function" && typeof legacy === "function" && draft === "draft" && count === 2;
  return <output data-project={project}>{ready ? "ready" : "broken"}</output>;
}

describe("server rendering with react-dom/server", () => {
  it("runs where there is no window or document", () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
  });

  it("renders the provider, nested providers and every hook to HTML without touching browser globals", () => {
    const html = renderToString(
      <KeletProvider apiKey="pk_ssr" project="outer">
        <KeletProvider project="inner">
          <HookUser />
        </KeletProvider>
      </KeletProvider>,
    );
    expect(html).toBe('<output data-project="inner">ready</output>');
    expect(consoleCalls).toEqual([]);
  });

  it("renders the hooks outside any provider without a warning during render", () => {
    function Orphan() {
      const send = useKeletSignal();
      useSignalDestinationCheck(false, "useFeedbackState");
      return <span>{typeof send}</span>;
    }
    expect(renderToString(<Orphan />)).toBe("<span>function</span>");
    expect(consoleCalls).toEqual([]);
  });

  it("renders every VoteFeedback part, the popover forced open, with the package's names and the compound's", () => {
    const html = renderToString(
      <KeletProvider apiKey="pk_ssr" project="p">
        <VoteFeedbackRoot session_id="ssr-1" defaultVote="downvote">
          <VoteFeedbackUpvoteButton className="kelet-vote-button">Up</VoteFeedbackUpvoteButton>
          <VoteFeedbackDownvoteButton className="kelet-vote-button">Down</VoteFeedbackDownvoteButton>
          <VoteFeedbackPopover forceMount className="kelet-popover">
            <VoteFeedbackReason value="Wrong" className="kelet-reason" />
            <VoteFeedbackTextarea className="kelet-textarea" />
            <VoteFeedbackSubmitButton className="kelet-submit">Send</VoteFeedbackSubmitButton>
          </VoteFeedbackPopover>
        </VoteFeedbackRoot>
        <VoteFeedback.Root session_id="ssr-2">
          <VoteFeedback.UpvoteButton>Up 2</VoteFeedback.UpvoteButton>
        </VoteFeedback.Root>
      </KeletProvider>,
    );
    expect(html).toMatch(/<button[^>]*aria-label="Downvote feedback"[^>]*data-state="on"/);
    expect(html).toContain('role="dialog"');
    expect(html).toMatch(/<textarea[^>]*placeholder="What did we miss\?"/);
    expect(html).toMatch(/<button[^>]*data-state="off"[^>]*>Wrong<\/button>/);
    expect(html).toContain("Up 2");
    expect(consoleCalls).toEqual([]);
  });
});
