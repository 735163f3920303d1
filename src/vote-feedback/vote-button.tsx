import { forwardRef } from "react";
import { useComposedRefs } from "@radix-ui/react-compose-refs";
import { useVoteFeedbackActions, useVoteFeedbackState, type VoteKind } from "./context";
import { partButton, type PartButtonProps } from "./part-button";

/** What a vote button's render-prop `children` receives. */
export interface VoteButtonState {
  /** This button's vote is the current one. */
  isSelected: boolean;
}

/** Every `<button>` attribute, `asChild`, and content or a function of the button's state: `({ isSelected }) => node`. */
export type VoteButtonProps = PartButtonProps<VoteButtonState>;

/** @internal The shared shell of `UpvoteButton` and `DownvoteButton`. */
export function createVoteButton(kind: VoteKind, partName: string, label: string) {
  const VoteButton = forwardRef<HTMLButtonElement, VoteButtonProps>(function VoteButton(props, forwardedRef) {
    const actions = useVoteFeedbackActions(partName);
    const { vote, open, openedBy, submitting, popoverOn, popoverShown, id } = useVoteFeedbackState();
    const ref = useComposedRefs<HTMLElement>(forwardedRef, actions.buttons[kind]);
    const isSelected = vote === kind;
    const expanded = open && openedBy === kind;
    const popoverProps = (kind === "downvote" || popoverOn === "both") && {
      "aria-haspopup": "dialog" as const,
      "aria-expanded": expanded,
      // Only while the popover's element is in the page: a reference must point at an element.
      "aria-controls": expanded && popoverShown ? id + "popover" : undefined,
      "data-popover-state": expanded ? "open" : "closed",
    };
    return partButton(
      {
        id: id + kind,
        "aria-label": label,
        "aria-pressed": isSelected,
        "data-state": isSelected ? "on" : "off",
        ...popoverProps,
        // Only while a signal is handed over (validated and queued): the buttons never wait for delivery.
        "data-submitting": submitting ? "" : undefined,
        ...props,
        state: { isSelected },
        onPress: () => actions.pressVote(kind),
      },
      ref,
    );
  });
  VoteButton.displayName = partName;
  return VoteButton;
}
