import * as RadixPopover from "@radix-ui/react-popover";
import { Slottable } from "@radix-ui/react-slot";
import { forwardRef, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from "react";
import { composeEventHandlers } from "@radix-ui/primitive";
import { useComposedRefs } from "@radix-ui/react-compose-refs";
import { useLayoutEffect } from "@radix-ui/react-use-layout-effect";
import { AppPlacedContent, useAppPlacement } from "./app-placed-content";
import { useVoteFeedbackActions, useVoteFeedbackState } from "./context";
import { handlePopoverKeyDown } from "./popover-keyboard";

import { VISUALLY_HIDDEN_STYLE } from "./visually-hidden";

const DEFAULT_DESCRIPTION = "Tell us more about your vote. Press Control (or Command) and Enter to send, or Escape to close.";

export interface PopoverProps extends ComponentPropsWithoutRef<typeof RadixPopover.Content> {
  /**
   * Render into `document.body` (Radix Portal), or into `{ container }`.
   * Off by default: the popover renders next to the buttons.
   */
  portal?: boolean | { container?: Element | DocumentFragment | null };
  /** The dialog's description for screen readers (visually hidden). */
  description?: ReactNode;
}

/**
 * The comment dialog, open after a downvote (or an upvote with
 * `popoverOn="both"`), labelled by that button. A non-modal dialog: focus
 * moves to the textarea on open; Tab from its last control moves on to what
 * follows the button, Shift+Tab from its first goes back to the button;
 * Escape, submit or a close control close it and return focus to the button;
 * a press outside closes it and leaves focus where the user pressed.
 * Ctrl/Cmd+Enter submits.
 *
 * Placement: anchored to the button by Radix, unless the app places it itself
 * (an inline `position` style, or a class whose computed `position` is not
 * `static`: `absolute` or `fixed` as 1.3 apps do, `relative` to stay in the flow): then it renders where the app's CSS
 * puts it, without Radix's floating wrapper. A class is measured once, before
 * the first open paints (a layout effect).
 * Renders nothing while closed; `data-state="open"|"closed"` drives animations.
 */
const NAME = "VoteFeedback.Popover";

/**
 * Until it first opens (or is forced mounted) the popover is one flag: a long
 * chat's closed widgets hold no Radix layers. Once engaged they stay, so an exit
 * animation and the measured placement outlive the close.
 */
export const Popover = forwardRef<HTMLDivElement, PopoverProps>(function Popover(props, forwardedRef) {
  useVoteFeedbackActions(NAME);
  const { open } = useVoteFeedbackState();
  const [engaged, setEngaged] = useState(false);
  // Adjusted during render: the machinery mounts in the same commit that opens it.
  if ((open || props.forceMount) && !engaged) setEngaged(true);
  return engaged ? <PopoverMachinery {...props} ref={forwardedRef} /> : null;
});
Popover.displayName = NAME;

const PopoverMachinery = forwardRef<HTMLDivElement, PopoverProps>(function PopoverMachinery(
  { portal, description = DEFAULT_DESCRIPTION, children, onOpenAutoFocus, onCloseAutoFocus, onKeyDown, onInteractOutside, "aria-describedby": describedBy, ...contentProps },
  forwardedRef,
) {
  const actions = useVoteFeedbackActions(NAME);
  const { id, open, openedBy, submitting } = useVoteFeedbackState();
  const contentRef = useRef<HTMLDivElement>(null);
  const ref = useComposedRefs(forwardedRef, contentRef);
  // Radix's non-modal rule: a close that came from outside leaves focus where the user put it.
  const interactedOutside = useRef(false);
  const { byApp, abandoned } = useAppPlacement(contentRef, contentProps.style, contentProps.className);
  const descriptionId = id + "description";

  const shared = {
    id: id + "popover",
    "aria-labelledby": actions.buttons[openedBy].current?.id || id + openedBy,
    "aria-describedby": describedBy ? `${describedBy} ${descriptionId}` : descriptionId,
    "data-submitting": submitting ? "" : undefined,
    // Radix placement: a gap from the button, its start edge aligned with the button's, off the window's edge.
    sideOffset: 8,
    align: "start" as const,
    collisionPadding: 8,
    ...contentProps,
    ref,
    onOpenAutoFocus: composeEventHandlers(onOpenAutoFocus, (event: Event) => {
      event.preventDefault();
      if (event.target === abandoned.current) return;
      interactedOutside.current = false;
      actions.closedByVote.current = null;
      actions.textarea.current?.focus({ preventScroll: true });
    }),
    onCloseAutoFocus: composeEventHandlers(onCloseAutoFocus, (event: Event) => {
      event.preventDefault();
      // Still open (this render's props): only the placement changed, the user closed nothing.
      if (open) return;
      // Closed by a vote press: focus stays on the button the user pressed.
      const pressed = actions.closedByVote.current;
      if (pressed) actions.buttons[pressed].current?.focus({ preventScroll: true });
      else if (!interactedOutside.current) actions.anchorRef.current?.focus({ preventScroll: true });
      interactedOutside.current = false;
      actions.closedByVote.current = null;
    }),
    onInteractOutside: composeEventHandlers(onInteractOutside, (event: Event) => {
      // A press on the popover's own vote button toggles it there; focus going back to it keeps it open.
      if (actions.anchorRef.current?.contains(event.target as Node)) event.preventDefault();
      else interactedOutside.current = true;
    }),
    onKeyDown: composeEventHandlers(onKeyDown, (event) => handlePopoverKeyDown(event, actions)),
  };
  // With asChild the app's element becomes the dialog and the description goes inside it
  // (Slot finds Slottable among its direct children: a list, not a fragment).
  const body = [
    <Slottable key="children">{children}</Slottable>,
    <PresenceMark key="presence" />,
    <p key="description" id={descriptionId} style={VISUALLY_HIDDEN_STYLE}>
      {description}
    </p>,
  ];
  const content = byApp ? (
    <AppPlacedContent {...shared} open={open} onDismiss={() => actions.setOpen(false)}>
      {body}
    </AppPlacedContent>
  ) : (
    <RadixPopover.Content {...shared}>{body}</RadixPopover.Content>
  );
  return (
    // Non-modal: no focus trap, no scroll lock, the page stays usable while it is open.
    <RadixPopover.Root open={open} onOpenChange={(value) => actions.setOpen(value)}>
      <RadixPopover.Anchor virtualRef={actions.anchorRef} />
      {portal ? (
        <RadixPopover.Portal forceMount={contentProps.forceMount} container={typeof portal === "object" ? portal.container : undefined}>
          {content}
        </RadixPopover.Portal>
      ) : (
        content
      )}
    </RadixPopover.Root>
  );
});

/** Tells Root the popover's element is in the page, before paint: the buttons' `aria-controls` follows it. */
function PresenceMark() {
  const actions = useVoteFeedbackActions(NAME);
  useLayoutEffect(() => {
    actions.setPopoverShown(true);
    return () => actions.setPopoverShown(false);
  }, [actions]);
  return null;
}
