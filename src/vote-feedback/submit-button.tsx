import { forwardRef } from "react";
import { hasExplanation } from "./build-signal";
import { useVoteFeedbackActions, useVoteFeedbackReasons, useVoteFeedbackState, useVoteFeedbackText } from "./context";
import { PartButton, type PartButtonProps } from "./part-button";

/**
 * Every `<button>` attribute and `asChild`. `children`: content, or a function
 * of whether there is anything to send, so visible text can match the label:
 * `({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")`.
 */
export type SubmitButtonProps = PartButtonProps<{ hasFeedback: boolean }>;

/**
 * Sends the comment (text and chosen reasons) and closes the popover; with
 * nothing to send it just closes. Labelled "Submit feedback" or "Close without
 * feedback" accordingly. It works while the vote is still on its way: the
 * comment is queued after it.
 */
const NAME = "VoteFeedback.SubmitButton";

export const SubmitButton = forwardRef<HTMLButtonElement, SubmitButtonProps>(function SubmitButton(props, ref) {
  const actions = useVoteFeedbackActions(NAME);
  const { submitting } = useVoteFeedbackState();
  const hasFeedback = hasExplanation({ text: useVoteFeedbackText(), reasons: useVoteFeedbackReasons() });
  return (
    <PartButton
      aria-label={hasFeedback ? "Submit feedback" : "Close without feedback"}
      data-submitting={submitting ? "" : undefined}
      {...props}
      ref={ref}
      state={{ hasFeedback }}
      onPress={() => actions.submit()}
    />
  );
});
SubmitButton.displayName = NAME;
