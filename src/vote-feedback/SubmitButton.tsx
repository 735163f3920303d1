import { Slot } from "@radix-ui/react-slot";
import { forwardRef, type ButtonHTMLAttributes } from "react";
import { hasExplanation } from "./build-signal";
import { composeEventHandlers } from "./compose-event-handlers";
import { useVoteFeedbackContext } from "./context";

export interface SubmitButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Merge the behaviour into the single child element instead of rendering a `<button>`. */
  asChild?: boolean;
}

/**
 * Sends the comment (text and chosen reasons) and closes the popover; with
 * nothing to send it just closes. Labelled "Submit feedback" or "Close without
 * feedback" accordingly. Disabled while a send is in flight.
 */
export const SubmitButton = forwardRef<HTMLButtonElement, SubmitButtonProps>(function SubmitButton(
  { asChild, onClick, disabled, ...buttonProps },
  forwardedRef,
) {
  const { text, reasons, submitting, actions } = useVoteFeedbackContext("VoteFeedback.SubmitButton");
  const Component = asChild ? Slot : "button";
  return (
    <Component
      type={asChild ? undefined : "button"}
      aria-label={hasExplanation({ text, reasons }) ? "Submit feedback" : "Close without feedback"}
      data-submitting={submitting ? "" : undefined}
      {...buttonProps}
      disabled={disabled || submitting}
      ref={forwardedRef}
      onClick={composeEventHandlers(onClick, () => actions.submit())}
    />
  );
});
SubmitButton.displayName = "VoteFeedback.SubmitButton";
