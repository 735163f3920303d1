import { useMemo } from "react";
import { VoteFeedback } from "@kelet-ai/feedback-ui";

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

const REASONS = ["Wrong", "Too vague", "Too long", "Not what I asked"];

/**
 * Thumbs up/down beside one AI answer, with an explanation popover on thumbs down.
 * `sessionId` is the id the server answered with in `X-Session-ID`, so the vote
 * lands on the same session as the answer's trace.
 */
export function AnswerFeedback({ sessionId, answerId }: { sessionId: string; answerId: number }) {
  // A stable object: metadata travels with every signal of this answer.
  const metadata = useMemo(() => ({ answer_id: answerId, surface: "chat" }), [answerId]);
  return (
    <VoteFeedback.Root session_id={sessionId} trigger_name="user-vote" metadata={metadata}>
      <div className="vote-bar">
        <span className="vote-prompt">Was this helpful?</span>
        <VoteFeedback.UpvoteButton className="vote-button">
          <ThumbIcon />
        </VoteFeedback.UpvoteButton>
        <VoteFeedback.DownvoteButton className="vote-button">
          <ThumbIcon down />
        </VoteFeedback.DownvoteButton>
      </div>
      <VoteFeedback.Popover className="feedback-popover" side="bottom" align="start" sideOffset={6}>
        <p className="popover-title">What went wrong?</p>
        {/* Chosen reasons travel with the explanation as metadata.reasons (and as the value when nothing is typed). */}
        <div className="reasons">
          {REASONS.map((reason) => (
            <VoteFeedback.Reason key={reason} value={reason} className="reason" />
          ))}
        </div>
        <VoteFeedback.Textarea className="feedback-textarea" />
        <div className="popover-actions">
          <VoteFeedback.SubmitButton className="primary-button">
            {/* The visible text stays inside the part's accessible name ("Submit feedback" / "Close without feedback"). */}
            {({ hasFeedback }) => (hasFeedback ? "Submit feedback" : "Close")}
          </VoteFeedback.SubmitButton>
        </div>
      </VoteFeedback.Popover>
    </VoteFeedback.Root>
  );
}
