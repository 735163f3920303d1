/** The counts the DevTools hook (devtools-hook.ts, loaded before React) keeps. */
export const renderCounter = (window as unknown as Record<string, unknown>).__benchRenders as {
  reset(): void;
  readonly total: number;
  readonly commits: number;
  byName(): Record<string, number>;
};
