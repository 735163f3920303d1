import { createVoteButton, type VoteButtonProps } from "./vote-button";

/** Props of `VoteFeedback.DownvoteButton`: every `<button>` attribute, `asChild`, render-prop `children`. */
export type DownvoteButtonProps = VoteButtonProps;

/**
 * Sends a negative vote (`score: 0`) at once, then opens the comment popover
 * anchored to it and moves focus into its textarea. Pressing it again sends
 * nothing and reopens the popover.
 */
export const DownvoteButton = createVoteButton("downvote", "VoteFeedback.DownvoteButton", "Downvote feedback");
