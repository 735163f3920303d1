import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { readSessionId, VoteFeedback } from "@kelet-ai/feedback-ui";
import { inboxFor } from "../../.storybook/story-inbox";
import "./patterns.css";

function ThumbIcon({ down = false }: { down?: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" style={down ? { transform: "rotate(180deg)" } : undefined}>
      <path
        fill="currentColor"
        d="M2 21h4V9H2v12zm20-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L13.17 1 6.59 7.59C6.22 7.95 6 8.45 6 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z"
      />
    </svg>
  );
}

/** What the server answered: the text, and the `X-Session-ID` it ran the agent under. */
function agentResponse(sessionId: string) {
  return new Response("The capital of Australia is Canberra, not Sydney.", { headers: { "X-Session-ID": sessionId } });
}

interface AnswerProps {
  /** The `X-Session-ID` the (simulated) server answered with. */
  serverSessionId: string;
  /** Free JSON sent with every vote of this answer. */
  answerId: string;
}

/**
 * An AI answer with thumbs up/down beside it, as an app writes it: `VoteFeedback.Root`
 * gets the session id the server sent back, and the parts are styled through their
 * `data-state` attributes. A downvote opens a popover that asks what went wrong.
 */
function AnswerWithFeedback({ serverSessionId, answerId }: AnswerProps) {
  const response = useMemo(() => agentResponse(serverSessionId), [serverSessionId]);
  const metadata = useMemo(() => ({ answer_id: answerId }), [answerId]);
  return (
    <div className="pattern">
      <div className="answer">
        <p>The capital of Australia is Canberra, not Sydney.</p>
        <VoteFeedback.Root session_id={readSessionId(response) ?? serverSessionId} trigger_name="user-vote" metadata={metadata}>
          <div className="vote-bar">
            <span>Was this helpful?</span>
            <VoteFeedback.UpvoteButton className="vote-button">
              <ThumbIcon />
            </VoteFeedback.UpvoteButton>
            <VoteFeedback.DownvoteButton className="vote-button">
              <ThumbIcon down />
            </VoteFeedback.DownvoteButton>
          </div>
          <VoteFeedback.Popover className="popover" align="start" sideOffset={6}>
            <strong>What went wrong?</strong>
            <VoteFeedback.Textarea />
            <VoteFeedback.SubmitButton className="primary">{({ hasFeedback }) => (hasFeedback ? "Submit feedback" : "Close")}</VoteFeedback.SubmitButton>
          </VoteFeedback.Popover>
        </VoteFeedback.Root>
      </div>
      <input className="composer" aria-label="Ask a follow-up" placeholder="Ask a follow-up" />
    </div>
  );
}

const meta = {
  title: "Patterns/AI answer with feedback",
  parameters: { kelet: { showSignals: true } },
  component: AnswerWithFeedback,
  args: { serverSessionId: "sess_8f2c41", answerId: "answer-1" },
} satisfies Meta<typeof AnswerWithFeedback>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An upvote sends `score: 1` at once, with the server's session id. */
export const Upvote: Story = {
  play: async ({ canvasElement, context }) => {
    const canvas = within(canvasElement);
    const upvote = canvas.getByRole("button", { name: "Upvote feedback" });
    await userEvent.click(upvote);
    const inbox = inboxFor(context);
    await waitFor(() => expect(inbox.signals).toHaveLength(1));
    expect(inbox.signals[0]!.body).toMatchObject({
      session_id: "sess_8f2c41",
      kind: "feedback",
      source: "human",
      score: 1,
      trigger_name: "user-vote",
      metadata: { answer_id: "answer-1" },
    });
    await expect(upvote).toHaveAttribute("data-state", "on");
  },
};

/**
 * A downvote sends `score: 0` at once and opens the popover with focus in the textarea;
 * the explanation goes out as a second signal, and focus returns to the downvote button.
 */
export const DownvoteWithExplanation: Story = {
  play: async ({ canvasElement, context }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    const downvote = canvas.getByRole("button", { name: "Downvote feedback" });
    await userEvent.click(downvote);
    const inbox = inboxFor(context);
    await waitFor(() => expect(inbox.signals).toHaveLength(1));
    expect(inbox.signals[0]!.body).toMatchObject({ session_id: "sess_8f2c41", score: 0 });

    const textarea = await page.findByRole("textbox", { name: "Additional feedback" });
    await waitFor(() => expect(textarea).toHaveFocus());
    await userEvent.type(textarea, "Sydney is not the capital.");
    await userEvent.click(page.getByRole("button", { name: "Submit feedback" }));
    await waitFor(() => expect(inbox.signals).toHaveLength(2));
    expect(inbox.signals[1]!.body).toMatchObject({ session_id: "sess_8f2c41", score: 0, value: "Sydney is not the capital." });
    await waitFor(() => expect(page.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(downvote).toHaveFocus());
  },
};

/** Escape closes the popover; the downvote was sent, but no explanation is. */
export const EscapeClosesWithoutExplanation: Story = {
  play: async ({ canvasElement, context }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole("button", { name: "Downvote feedback" }));
    const textarea = await page.findByRole("textbox", { name: "Additional feedback" });
    await waitFor(() => expect(textarea).toHaveFocus());
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(page.queryByRole("dialog")).not.toBeInTheDocument());
    expect(inboxFor(context).signals.map((signal) => signal.body.value)).toEqual([undefined]);
  },
};

/** The popover left open with text in it, so the accessibility check scans the open dialog too. */
export const PopoverOpen: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole("button", { name: "Downvote feedback" }));
    await userEvent.type(await page.findByRole("textbox", { name: "Additional feedback" }), "Too vague.");
    await expect(page.getByRole("dialog")).toBeVisible();
    await expect(page.getByRole("button", { name: "Submit feedback" })).toHaveTextContent("Submit feedback");
  },
};

/** A click into the chat composer closes the popover and leaves focus there: what I type lands in the composer. */
export const ClickingTheComposerKeepsFocusThere: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole("button", { name: "Downvote feedback" }));
    await waitFor(() => expect(page.getByRole("textbox", { name: "Additional feedback" })).toHaveFocus());
    const composer = canvas.getByRole("textbox", { name: "Ask a follow-up" });
    await userEvent.click(composer);
    await waitFor(() => expect(page.queryByRole("dialog")).not.toBeInTheDocument());
    await userEvent.keyboard("hello");
    await expect(composer).toHaveValue("hello");
    await expect(composer).toHaveFocus();
  },
};
