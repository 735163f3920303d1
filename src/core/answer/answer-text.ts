/**
 * Counts characters of an answer's text without ever reading what a user
 * typed: the contents of inputs, textareas, selects and contenteditable
 * regions are skipped, and only lengths leave this module.
 */

/** A place where the user types: its text is theirs, not the answer's. */
export function isInField(node: Node | null): boolean {
  for (let current = node; current; current = current.parentNode) {
    if (current.nodeType === 1 && isFieldElement(current as Element)) return true;
  }
  return false;
}

/**
 * Characters of `element`'s own text, or of the part of it inside `range`
 * when one is given. Text inside fields and buttons is not counted.
 */
export function countAnswerChars(element: Element, range?: Range): number {
  const document = element.ownerDocument;
  // NodeFilter constants by value: 4 SHOW_TEXT, 1 ELEMENT_NODE; 1 ACCEPT, 2 REJECT (skips the subtree).
  // A button's label ("Copy", "Try again") is the app's, not the answer's.
  const walker = document.createTreeWalker(element, 1 | 4, {
    acceptNode: (node) => (node.nodeType === 1 && (isFieldElement(node as Element) || node.nodeName === "BUTTON") ? 2 : 1),
  });
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== 3) continue;
    const length = (node as Text).length;
    if (!range) {
      count += length;
    } else if (range.intersectsNode(node)) {
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : length;
      count += Math.max(0, end - start);
    }
  }
  return count;
}

/** An input, textarea or select, or an element whose contents the user can edit (`contenteditable` other than "false"). */
function isFieldElement(element: Element): boolean {
  const editable = element.getAttribute("contenteditable");
  return /^(INPUT|TEXTAREA|SELECT)$/i.test(element.nodeName) || (editable !== null && editable !== "false");
}
