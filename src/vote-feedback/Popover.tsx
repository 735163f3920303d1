import { FocusScope } from "@radix-ui/react-focus-scope";
import * as RadixPopover from "@radix-ui/react-popover";
import { Slottable } from "@radix-ui/react-slot";
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from "react";
import { composeEventHandlers } from "@radix-ui/primitive";
import { useVoteFeedbackContext } from "./context";
import { VISUALLY_HIDDEN_STYLE } from "./visually-hidden";

const preventDefault = (event: Event) => event.preventDefault();

const DEFAULT_DESCRIPTION = "Tell us more about your vote. Press Control (or Command) and Enter to send, or Escape to close.";

export interface PopoverProps extends Omit<ComponentPropsWithoutRef<typeof RadixPopover.Content>, "role"> {
  /**
   * Render into `document.body` (Radix Portal), or into `{ container }`.
   * Off by default: the popover renders next to the buttons.
   */
  portal?: boolean | { container?: Element | DocumentFragment | null };
  /** The dialog's description for screen readers (visually hidden). */
  description?: ReactNode;
}

/**
 * The comment dialog: open after a downvote (or an upvote with
 * `popoverOn="both"`), anchored to that button, labelled by it. Focus moves to
 * the textarea on open, stays inside while open, and returns to the button on
 * close. Escape and a press outside close it; Ctrl/Cmd+Enter submits.
 * Renders nothing while closed; `data-state="open"|"closed"` drives animations.
 */
export const Popover = forwardRef<HTMLDivElement, PopoverProps>(function Popover(
  { portal, description = DEFAULT_DESCRIPTION, children, onOpenAutoFocus, onCloseAutoFocus, onKeyDown, onInteractOutside, forceMount, ...contentProps },
  forwardedRef,
) {
  const { ids, open, openedBy, submitting, actions } = useVoteFeedbackContext("VoteFeedback.Popover");
  const content = (
    // Tab and Shift+Tab cycle inside while open. The inner Radix scope moves focus in and back out.
    <FocusScope asChild loop trapped={open} onMountAutoFocus={preventDefault} onUnmountAutoFocus={preventDefault}>
      <RadixPopover.Content
        id={ids.popover}
        aria-labelledby={actions.labelIdOf(openedBy) ?? ids[openedBy]}
        data-submitting={submitting ? "" : undefined}
        forceMount={forceMount}
        {...contentProps}
        ref={forwardedRef}
        onOpenAutoFocus={composeEventHandlers(onOpenAutoFocus, (event) => {
          if (actions.focusTextarea()) event.preventDefault();
        })}
        onCloseAutoFocus={composeEventHandlers(onCloseAutoFocus, (event) => {
          event.preventDefault();
          actions.returnFocus();
        })}
        onInteractOutside={composeEventHandlers(onInteractOutside, (event) => {
          // A press on the popover's own vote button toggles it there; do not also dismiss it here.
          if (actions.anchorRef.current?.contains(event.target as Node)) event.preventDefault();
        })}
        onKeyDown={composeEventHandlers(onKeyDown, (event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            actions.submit();
          }
        })}
      >
        {/* With asChild the app's element becomes the dialog and the description goes inside it. */}
        <Slottable>{children}</Slottable>
        <RadixPopover.Description style={VISUALLY_HIDDEN_STYLE}>{description}</RadixPopover.Description>
      </RadixPopover.Content>
    </FocusScope>
  );
  if (!portal) return content;
  return (
    <RadixPopover.Portal forceMount={forceMount} container={typeof portal === "object" ? portal.container : undefined}>
      {content}
    </RadixPopover.Portal>
  );
});
Popover.displayName = "VoteFeedback.Popover";
