/**
 * Runs the app's handler first; ours runs only if the app did not call
 * `event.preventDefault()`. This is how a part's behaviour is skipped.
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}
