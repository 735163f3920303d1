import { DownvoteButton } from "./DownvoteButton";
import { Popover } from "./Popover";
import { Reason } from "./Reason";
import { Root } from "./Root";
import { SubmitButton } from "./SubmitButton";
import { Textarea } from "./Textarea";
import { UpvoteButton } from "./UpvoteButton";

export { Root, UpvoteButton, DownvoteButton, Popover, Textarea, SubmitButton, Reason };
export type { VoteFeedbackRootProps } from "./Root";
export type { UpvoteButtonProps } from "./UpvoteButton";
export type { DownvoteButtonProps } from "./DownvoteButton";
export type { PopoverProps } from "./Popover";
export type { TextareaProps } from "./Textarea";
export type { SubmitButtonProps } from "./SubmitButton";
export type { ReasonProps } from "./Reason";
export type { VoteButtonState } from "./vote-button";
export type { Vote } from "./context";

/** The thumbs-up/down compound: `<VoteFeedback.Root>` with its buttons, popover, textarea, reasons. */
export const VoteFeedback = { Root, UpvoteButton, DownvoteButton, Popover, Textarea, SubmitButton, Reason };

export default VoteFeedback;
