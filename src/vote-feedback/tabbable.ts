/** Elements Tab can reach inside `root`, in document order (positive tabindex ignored, as Radix does). */
export function tabbableElements(root: Node): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, {
    acceptNode(node) {
      const element = node as HTMLElement & { disabled?: boolean; type?: string };
      const skipped =
        element.disabled === true ||
        element.hidden ||
        (element.tagName === "INPUT" && element.type === "hidden") ||
        // Radix's focus guards sit at the ends of <body>; they are not the page's own.
        element.hasAttribute("data-radix-focus-guard");
      if (skipped) return NodeFilter.FILTER_SKIP;
      return element.tabIndex >= 0 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  while (walker.nextNode()) found.push(walker.currentNode as HTMLElement);
  return found.filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden");
}

/**
 * Where Tab goes from the popover's last control: the first element after the
 * button that opened it, outside the popover, as if the popover sat right
 * after that button (true inline, and kept when it is portalled).
 */
export function nextTabbableAfter(anchor: Element, popover: Element): HTMLElement | undefined {
  return tabbableElements(anchor.ownerDocument.body).find(
    (element) =>
      !popover.contains(element) &&
      !anchor.contains(element) &&
      (anchor.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
  );
}
