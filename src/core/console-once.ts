const reportedKeys = new Set<string>();

/** Logs a message the first time `key` is seen on this page; later calls are silent. */
export function logOnce(level: "error" | "warn", key: string, ...args: unknown[]): void {
  if (reportedKeys.has(key)) return;
  reportedKeys.add(key);
  console[level](...args);
}

/** True the first time `key` is seen on this page (then it counts as logged): for a message that is written later. */
export function claimOnce(key: string): boolean {
  return !reportedKeys.has(key) && !!reportedKeys.add(key);
}

/** Forgets what was logged, so a test can see the first message again. */
export function resetLogOnce(): void {
  reportedKeys.clear();
}

/** The `debug` setting's log: one line per step of a signal's way, when it is on. */
export function debugLog(enabled: boolean | undefined, ...args: unknown[]): void {
  if (enabled) console.debug("[kelet]", ...args);
}
