import { Slot } from "@radix-ui/react-slot";
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { composeEventHandlers } from "@radix-ui/primitive";
import { hasExplanation } from "./build-signal";
import { useVoteFeedbackActions, useVoteFeedbackReasons, useVoteFeedbackState, useVoteFeedbackText } from "./context";

export interface SubmitButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children"> {
  /** Merge the behaviour into the single child element instead of rendering a `<button>`. */
  asChild?: boolean;
  /**
   * Content, or a function of whether there is anything to send, so visible
   * text can match the label: `({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")`.
   */
  children?: ReactNode | ((state: { hasFeedback: boolean }) => ReactNode);
}

/**
 * Sends the comment (text and chosen reasons) and closes the popover; with
 * nothing to send it just closes. Labelled "Submit feedback" or "Close without
 * feedback" accordingly. It works while the vote is still on its way: the
 * comment is queued after it.
 */
export const SubmitButton = forwardRef<HTMLButtonElement, SubmitButtonProps>(function SubmitButton(
  { asChild, onClick, children, ...buttonProps },
  forwardedRef,
) {
  const { submitting } = useVoteFeedbackState("VoteFeedback.SubmitButton");
  const text = useVoteFeedbackText("VoteFeedback.SubmitButton");
  const reasons = useVoteFeedbackReasons("VoteFeedback.SubmitButton");
  const hasFeedback = hasExplanation({ text, reasons });
  const actions = useVoteFeedbackActions("VoteFeedback.SubmitButton");
  const Component = asChild ? Slot : "button";
  return (
    <Component
      type={asChild ? undefined : "button"}
      aria-label={hasFeedback ? "Submit feedback" : "Close without feedback"}
      data-submitting={submitting ? "" : undefined}
      {...buttonProps}
      ref={forwardedRef}
      onClick={composeEventHandlers(onClick, () => actions.submit())}
    >
      {typeof children === "function" ? children({ hasFeedback }) : children}
    </Component>
  );
});
SubmitButton.displayName = "VoteFeedback.SubmitButton";
