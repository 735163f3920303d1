import { useMemo } from "react";

/**
 * `value` itself the first time, then the same object for as long as its
 * own properties hold the same values: `useChat` returns a new object every
 * render, and an app's effects and memoised children should not re-run for
 * that alone.
 */
export function useShallowStable<T extends object>(value: T): T {
  // Key names and values in key order: the memo re-runs when any property changes, however many there are.
  const keys = Object.keys(value).sort();
  const dependencies = keys.flatMap((key) => [key, (value as Record<string, unknown>)[key]]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the dependencies are the object's own properties
  return useMemo(() => value, dependencies);
}
