import { DownvoteButton } from "./downvote-button";
import { Popover } from "./popover";
import { Reason } from "./reason";
import { Root } from "./root";
import { SubmitButton } from "./submit-button";
import { Textarea } from "./textarea";
import { UpvoteButton } from "./upvote-button";

export { Root, UpvoteButton, DownvoteButton, Popover, Textarea, SubmitButton, Reason };
export type { VoteFeedbackRootProps } from "./root";
export type { UpvoteButtonProps } from "./upvote-button";
export type { DownvoteButtonProps } from "./downvote-button";
export type { PopoverProps } from "./popover";
export type { TextareaProps } from "./textarea";
export type { SubmitButtonProps } from "./submit-button";
export type { ReasonProps } from "./reason";
export type { VoteButtonState } from "./vote-button";
export type { Vote } from "./context";

/** The thumbs-up/down compound: `<VoteFeedback.Root>` with its buttons, popover, textarea, reasons. */
export const VoteFeedback = { Root, UpvoteButton, DownvoteButton, Popover, Textarea, SubmitButton, Reason };

export default VoteFeedback;
