import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { ReactElement } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { FeedbackData } from "../../src";
import { installResizeObserverStub } from "../vote-feedback/widget";

// "@/lib/utils" and "lucide-react" are aliased in vitest.config.ts (the user's app has the real ones);
// the library itself comes from source.
vi.mock("@kelet-ai/feedback-ui", () => import("../../src"));

// Imported by a computed path: the root tsconfig has no "@/lib/utils"; `npm run typecheck` checks the
// component with registry/tsconfig.json, which maps it.
const componentPath = "../../registry/kelet-vote-feedback.tsx";
const { KeletVoteFeedback: VoteFeedback } = (await import(/* @vite-ignore */ componentPath)) as {
  KeletVoteFeedback: (props: { sessionId: string; reasons?: string[]; triggerName?: string; onFeedback?: (data: FeedbackData) => void }) => ReactElement;
};

beforeAll(() => installResizeObserverStub());

describe("the shadcn registry component", () => {
  it("sends my downvote, then my reason and comment, styled with the app's tokens", async () => {
    const signals: FeedbackData[] = [];
    render(<VoteFeedback sessionId="sess-shadcn" reasons={["Wrong", "Too long"]} onFeedback={(data) => void signals.push(data)} />);
    const downvote = screen.getByRole("button", { name: "Downvote feedback" });
    expect(downvote.className).toContain("focus-visible:ring-ring");
    fireEvent.click(downvote);
    await waitFor(() => expect(screen.getByRole("dialog").className).toContain("bg-popover"));
    fireEvent.click(screen.getByRole("button", { name: "Wrong" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Additional feedback" }), { target: { value: "It said Lyon" } });
    await waitFor(() => expect(screen.getByRole("button", { name: "Submit feedback" }).hasAttribute("disabled")).toBe(false));
    fireEvent.click(screen.getByRole("button", { name: "Submit feedback" }));
    await waitFor(() => expect(signals).toHaveLength(2));
    expect(signals[0]).toMatchObject({ session_id: "sess-shadcn", kind: "feedback", score: 0 });
    expect(signals[1]).toMatchObject({ session_id: "sess-shadcn", score: 0, value: "It said Lyon", metadata: { reasons: ["Wrong"] } });
    expect(downvote.getAttribute("data-state")).toBe("on");
  });

  it("sends my vote with trigger_name user-vote by default, as its comment says, and mine when I pass one", async () => {
    const signals: FeedbackData[] = [];
    const { unmount } = render(<VoteFeedback sessionId="sess-default" onFeedback={(data) => void signals.push(data)} />);
    fireEvent.click(screen.getByRole("button", { name: "Upvote feedback" }));
    await waitFor(() => expect(signals).toHaveLength(1));
    expect(signals[0]).toMatchObject({ session_id: "sess-default", score: 1, trigger_name: "user-vote" });
    unmount();
    render(<VoteFeedback sessionId="sess-named" triggerName="answer-thumbs" onFeedback={(data) => void signals.push(data)} />);
    fireEvent.click(screen.getByRole("button", { name: "Upvote feedback" }));
    await waitFor(() => expect(signals).toHaveLength(2));
    expect(signals[1]).toMatchObject({ session_id: "sess-named", trigger_name: "answer-thumbs" });
  });
});
