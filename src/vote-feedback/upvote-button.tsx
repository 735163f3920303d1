import { createVoteButton, type VoteButtonProps } from "./vote-button";

/** Props of `VoteFeedback.UpvoteButton`: every `<button>` attribute, `asChild`, render-prop `children`. */
export type UpvoteButtonProps = VoteButtonProps;

/**
 * Sends a positive vote (`score: 1`). Pressing it again sends nothing.
 * With `popoverOn="both"` it also opens the comment popover.
 */
export const UpvoteButton = createVoteButton("upvote", "VoteFeedback.UpvoteButton", "Upvote feedback");
