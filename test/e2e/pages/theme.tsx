import { createRoot } from "react-dom/client";
import { VoteFeedback } from "../../../src/vote-feedback";

/** The real parts with the documented classes, themed by styles.css (added by the test). */
function Widget({ id }: { id: string }) {
  return (
    <div id={id} style={{ paddingBottom: 220 }}>
      <VoteFeedback.Root session_id={`theme-${id}`} defaultVote="upvote" popoverOn="both" onFeedback={() => {}}>
        <div className="kelet-vote">
          <VoteFeedback.UpvoteButton className="kelet-vote-button kelet-upvote">+</VoteFeedback.UpvoteButton>
          <VoteFeedback.DownvoteButton className="kelet-vote-button kelet-downvote">-</VoteFeedback.DownvoteButton>
        </div>
        <VoteFeedback.Popover className="kelet-popover">
          <div className="kelet-reasons">
            <VoteFeedback.Reason className="kelet-reason" value="Wrong" />
          </div>
          <VoteFeedback.Textarea className="kelet-textarea" />
          <VoteFeedback.SubmitButton className="kelet-submit">Send</VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>
    </div>
  );
}

/** The README's buttons: emoji, which no `color` changes, so the chosen one must show some other way. */
function EmojiVotes({ id }: { id: string }) {
  return (
    <div id={id} style={{ padding: 16, background: "var(--kelet-bg)" }}>
      <VoteFeedback.Root session_id={`theme-${id}`} defaultVote="upvote" onFeedback={() => {}}>
        <div className="kelet-vote">
          <VoteFeedback.UpvoteButton className="kelet-vote-button kelet-upvote">👍</VoteFeedback.UpvoteButton>
          <VoteFeedback.DownvoteButton className="kelet-vote-button kelet-downvote">👎</VoteFeedback.DownvoteButton>
        </div>
      </VoteFeedback.Root>
    </div>
  );
}

createRoot(document.getElementById("root")!).render(
  <>
    <div style={{ display: "flex" }}>
      <div data-theme="light">
        <EmojiVotes id="emoji-light" />
      </div>
      <div data-theme="dark">
        <EmojiVotes id="emoji-dark" />
      </div>
    </div>
    <Widget id="plain" />
    <div data-theme="dark">
      <Widget id="forced-dark" />
    </div>
    <div data-theme="light">
      <Widget id="forced-light" />
    </div>
  </>,
);
