import { Slot } from "@radix-ui/react-slot";
import { forwardRef, useCallback, type ButtonHTMLAttributes, type ReactNode } from "react";
import { composeEventHandlers } from "@radix-ui/primitive";
import { useComposedRefs } from "@radix-ui/react-compose-refs";
import { useVoteFeedbackActions, useVoteFeedbackState, type VoteKind } from "./context";

/** What a vote button's render-prop `children` receives. */
export interface VoteButtonState {
  /** This button's vote is the current one. */
  isSelected: boolean;
}

export interface VoteButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children"> {
  /** Merge the behaviour into the single child element (the app's own button) instead of rendering a `<button>`. */
  asChild?: boolean;
  /** Content, or a function of the button's state: `({ isSelected }) => node`. */
  children?: ReactNode | ((state: VoteButtonState) => ReactNode);
}

const DEFAULT_LABELS: Record<VoteKind, string> = { upvote: "Upvote feedback", downvote: "Downvote feedback" };

/** Props and handlers of one vote button; the parts are thin shells around it. */
function useVoteButton(kind: VoteKind, partName: string, { onClick }: Pick<VoteButtonProps, "onClick">) {
  const { vote, open, openedBy, submitting, popoverOn, ids } = useVoteFeedbackState(partName);
  const actions = useVoteFeedbackActions(partName);
  const isSelected = vote === kind;
  const opensPopover = kind === "downvote" || popoverOn === "both";
  const expanded = opensPopover && open && openedBy === kind;
  const register = useCallback((node: HTMLElement | null) => actions.registerButton(kind, node), [actions, kind]);
  return {
    isSelected,
    register,
    props: {
      id: ids[kind],
      "aria-label": DEFAULT_LABELS[kind],
      "aria-pressed": isSelected,
      "data-state": isSelected ? "on" : "off",
      "aria-haspopup": opensPopover ? ("dialog" as const) : undefined,
      "aria-expanded": opensPopover ? expanded : undefined,
      "aria-controls": opensPopover ? ids.popover : undefined,
      "data-popover-state": opensPopover ? (expanded ? "open" : "closed") : undefined,
      // Only while a signal is handed over (validated and queued): the buttons never wait for delivery.
      "data-submitting": submitting ? "" : undefined,
    },
    onClick: composeEventHandlers(onClick, () => actions.pressVote(kind)),
  };
}

/** @internal The shared shell of `UpvoteButton` and `DownvoteButton`. */
export function createVoteButton(kind: VoteKind, partName: string) {
  const VoteButton = forwardRef<HTMLButtonElement, VoteButtonProps>(function VoteButton(
    { asChild, children, onClick, ...buttonProps },
    forwardedRef,
  ) {
    const { isSelected, register, props, onClick: handleClick } = useVoteButton(kind, partName, { onClick });
    const ref = useComposedRefs<HTMLButtonElement>(forwardedRef, register);
    const content = typeof children === "function" ? children({ isSelected }) : children;
    const Component = asChild ? Slot : "button";
    return (
      <Component type={asChild ? undefined : "button"} {...props} {...buttonProps} ref={ref} onClick={handleClick}>
        {content}
      </Component>
    );
  });
  VoteButton.displayName = partName;
  return VoteButton;
}
