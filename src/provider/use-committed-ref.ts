import { useInsertionEffect, useRef } from "react";

/**
 * A ref holding `value` as of the last commit, never from a render React
 * may still throw away (a transition that suspends, an interrupted render):
 * what a signal carries must be what the user saw. It is written in an
 * insertion effect, which runs before every layout effect of the same
 * commit, so children's layout effects, the component's own effects and any
 * later event read the committed value. Before the first commit it holds the
 * first render's value (a component that never commits never runs effects).
 */
export function useCommittedRef<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}
