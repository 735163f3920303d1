import * as RadixPopover from "@radix-ui/react-popover";
import type { RefObject } from "react";
import { useSessionIdCheck, useSignalDestinationCheck } from "../provider/diagnostics-hooks";
import { VoteFeedbackContext } from "./context";
import { useVoteFeedbackRoot, type VoteFeedbackRootProps } from "./use-vote-feedback-root";

export type { VoteFeedbackRootProps };

/**
 * Holds one answer's vote, the comment popover's state and text, and sends
 * the signals. Renders no element of its own.
 */
export function Root(props: VoteFeedbackRootProps) {
  const context = useVoteFeedbackRoot(props);
  // Development only: signals that go nowhere, placeholder or per-render session ids.
  useSignalDestinationCheck(props.onFeedback !== undefined, "VoteFeedback.Root");
  useSessionIdCheck(props.session_id, "VoteFeedback.Root");
  return (
    <VoteFeedbackContext.Provider value={context}>
      {/* Not Radix's modal mode: that locks page scroll and rewrites <body> padding. Popover traps focus itself. */}
      <RadixPopover.Root open={context.open} onOpenChange={context.actions.setOpen}>
        <RadixPopover.Anchor virtualRef={context.actions.anchorRef as RefObject<HTMLElement>} />
        {props.children}
      </RadixPopover.Root>
    </VoteFeedbackContext.Provider>
  );
}
Root.displayName = "VoteFeedback.Root";
