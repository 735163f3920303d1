import { countAnswerChars, isInField } from "./answer-text";

/**
 * Calls `onCopy(copiedChars)` when the user copies a selection that holds
 * some of the answer's text: by keyboard shortcut, context menu or
 * `execCommand("copy")`. The listener sits on the document, because a
 * selection that starts outside the answer and ends inside it fires `copy`
 * on an element outside it. A copy from a field (input, textarea,
 * contenteditable) is the user's own text and is ignored without being read.
 * Returns the function that removes the listener.
 */
export function listenForCopies(answerElement: () => Element | null, onCopy: (copiedChars: number) => void): () => void {
  if (typeof document === "undefined") return () => {};
  const onCopyEvent = (event: Event) => {
    const element = answerElement();
    if (!element || isInField(event.target as Node | null)) return;
    const selection = element.ownerDocument.getSelection();
    let copiedChars = 0;
    for (let index = 0; selection && index < selection.rangeCount; index += 1) {
      const range = selection.getRangeAt(index);
      if (range.intersectsNode(element)) copiedChars += countAnswerChars(element, range);
    }
    if (copiedChars > 0) onCopy(copiedChars);
  };
  // Capture: an app that stops the event's propagation to write its own clipboard data still copied the answer.
  document.addEventListener("copy", onCopyEvent, true);
  return () => document.removeEventListener("copy", onCopyEvent, true);
}
