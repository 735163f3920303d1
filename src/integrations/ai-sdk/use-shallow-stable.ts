import { useMemo } from "react";

/**
 * `value` itself the first time, then the same object for as long as its
 * own properties hold the same values: `useChat` returns a new object every
 * render, and an app's effects and memoised children should not re-run for
 * that alone.
 */
export function useShallowStable<T extends object>(value: T): T {
  // Key names and values in key order, so the memo re-runs when any property changes. (useChat's set of
  // properties is fixed, so the list keeps the one length React requires of it.)
  const keys = Object.keys(value).sort();
  const dependencies = keys.flatMap((key) => [key, (value as Record<string, unknown>)[key]]);
  return useMemo(() => value, dependencies);
}
