import type { KeyboardEvent } from "react";
import type { VoteFeedbackActions } from "./context";

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** Elements Tab can reach inside `root`, in document order (positive tabindex ignored, as Radix does). */
function tabbableElements(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>("*")].filter(
    (element) =>
      element.tabIndex >= 0 &&
      // Radix's focus guards sit at the ends of <body>; they are not the page's own.
      !element.matches(":disabled,[data-radix-focus-guard]") &&
      // Rendered and visible (this also skips `hidden` elements and hidden inputs).
      element.getClientRects().length > 0 &&
      getComputedStyle(element).visibility !== "hidden",
  );
}

/**
 * The popover's keys: Ctrl/Cmd+Enter submits; Tab from the last control moves
 * on to what follows the button that opened it, as if the popover sat right
 * after that button, also when portalled (the focus leaving closes the
 * popover); Shift+Tab from the first goes back to that button (the popover
 * stays open, `aria-expanded`). No trap: a non-modal dialog.
 */
export function handlePopoverKeyDown(event: KeyboardEvent<HTMLElement>, actions: VoteFeedbackActions): void {
  const { key, shiftKey, ctrlKey, metaKey, currentTarget: dialog } = event;
  const anchor = actions.anchorRef.current;
  let target: HTMLElement | false | undefined;
  if (key === "Enter" && (ctrlKey || metaKey)) {
    event.preventDefault();
    return actions.submit();
  }
  if (key !== "Tab" || event.altKey || ctrlKey || metaKey || !anchor) return;
  const inside = tabbableElements(dialog);
  const focused = dialog.ownerDocument.activeElement;
  if (shiftKey) target = focused === inside[0] && anchor;
  else if (focused === inside[inside.length - 1]) {
    target = tabbableElements(dialog.ownerDocument.body).find(
      (element) =>
        !dialog.contains(element) && !anchor.contains(element) && anchor.compareDocumentPosition(element) & FOLLOWING,
    );
  }
  if (target) {
    event.preventDefault();
    target.focus();
  }
}
