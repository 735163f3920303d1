import { Slot } from "@radix-ui/react-slot";
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { composeEventHandlers } from "@radix-ui/primitive";
import { useVoteFeedbackActions, useVoteFeedbackReasons } from "./context";

export interface ReasonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children" | "value"> {
  /** The reason as sent: in `metadata.reasons`, and in `value` when there is no text. */
  value: string;
  /** Merge the behaviour into the single child element instead of rendering a `<button>`. */
  asChild?: boolean;
  /** Content (default: `value`), or a function of the toggle's state. */
  children?: ReactNode | ((state: { isSelected: boolean }) => ReactNode);
}

/**
 * A toggle inside the popover ("Wrong", "Too long"). The chosen reasons travel
 * with the comment signal as `metadata.reasons`; they alone make the comment
 * worth sending.
 */
export const Reason = forwardRef<HTMLButtonElement, ReasonProps>(function Reason(
  { value, asChild, onClick, children, ...buttonProps },
  forwardedRef,
) {
  const reasons = useVoteFeedbackReasons("VoteFeedback.Reason");
  const actions = useVoteFeedbackActions("VoteFeedback.Reason");
  const isSelected = reasons.includes(value);
  const Component = asChild ? Slot : "button";
  return (
    <Component
      type={asChild ? undefined : "button"}
      aria-pressed={isSelected}
      data-state={isSelected ? "on" : "off"}
      {...buttonProps}
      ref={forwardedRef}
      onClick={composeEventHandlers(onClick, () => actions.toggleReason(value))}
    >
      {typeof children === "function" ? children({ isSelected }) : (children ?? value)}
    </Component>
  );
});
Reason.displayName = "VoteFeedback.Reason";
