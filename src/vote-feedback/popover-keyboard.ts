import type { KeyboardEvent } from "react";
import type { VoteFeedbackActions } from "./context";
import { nextTabbableAfter, tabbableElements } from "./tabbable";

/**
 * The popover's keys: Ctrl/Cmd+Enter submits; Tab from the last control moves
 * on to what follows the button that opened it (the focus leaving closes the
 * popover), Shift+Tab from the first goes back to that button (the popover
 * stays open, `aria-expanded`). No trap: a non-modal dialog.
 */
export function handlePopoverKeyDown(event: KeyboardEvent<HTMLElement>, actions: VoteFeedbackActions): void {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    actions.submit();
    return;
  }
  if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return;
  const dialog = event.currentTarget;
  const inside = tabbableElements(dialog);
  const anchor = actions.anchorRef.current;
  if (!anchor || inside.length === 0) return;
  const focused = dialog.ownerDocument.activeElement;
  if (event.shiftKey && focused === inside[0]) {
    event.preventDefault();
    anchor.focus();
  } else if (!event.shiftKey && focused === inside[inside.length - 1]) {
    const next = nextTabbableAfter(anchor, dialog);
    if (!next) return;
    event.preventDefault();
    next.focus();
  }
}
