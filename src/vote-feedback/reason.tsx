import { forwardRef } from "react";
import { useVoteFeedbackActions, useVoteFeedbackReasons } from "./context";
import { PartButton, type PartButtonProps } from "./part-button";

export interface ReasonProps extends Omit<PartButtonProps<{ isSelected: boolean }>, "value"> {
  /** The reason as sent: in `metadata.reasons`, and in `value` when there is no text. */
  value: string;
}

/**
 * A toggle inside the popover ("Wrong", "Too long"). The chosen reasons travel
 * with the comment signal as `metadata.reasons`; they alone make the comment
 * worth sending. Content defaults to `value`, or is a function of the toggle's state.
 */
const NAME = "VoteFeedback.Reason";

export const Reason = forwardRef<HTMLButtonElement, ReasonProps>(function Reason({ value, children, ...props }, ref) {
  const actions = useVoteFeedbackActions(NAME);
  const isSelected = useVoteFeedbackReasons().includes(value);
  return (
    <PartButton
      aria-pressed={isSelected}
      data-state={isSelected ? "on" : "off"}
      {...props}
      ref={ref}
      state={{ isSelected }}
      onPress={() => actions.toggleReason(value)}
    >
      {children ?? value}
    </PartButton>
  );
});
Reason.displayName = NAME;
