import { useInsertionEffect, useRef, type MutableRefObject } from "react";

/**
 * A ref holding `props` as of the last COMMITTED render. Written in an effect,
 * never during render: React may render with new props and throw that render
 * away (a transition that suspends), and a signal must carry what the user saw.
 * An insertion effect runs before every layout effect of the same commit, so
 * children's layout effects already see the new values.
 */
export function useCommittedProps<T>(props: T): Readonly<MutableRefObject<T>> {
  // The first render's props: if that mount never commits, the ref is thrown away with it.
  const committed = useRef(props);
  useInsertionEffect(() => {
    committed.current = props;
  });
  return committed;
}
