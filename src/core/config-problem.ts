import { logOnce } from "./console-once";
import type { ResolvedConfig } from "./resolve-config";

/**
 * What a configuration that can never deliver (no key, a secret key, no
 * project) does: in development and tests it throws, where the developer can
 * fix it; in production telemetry turns itself off with one `console.error`.
 * A disabled configuration sends nothing anyway, so it is not checked.
 */
export function enforceUsableConfig({ problem, disabled }: ResolvedConfig): void {
  if (!problem || disabled) return;
  try {
    // Written out so a production bundle keeps only this log and drops the throw.
    if (process.env.NODE_ENV === "production") return logOnce("error", `kelet:config:${problem}`, `[kelet] Feedback telemetry is off: ${problem}`);
  } catch {
    // No bundler, no `process`: development.
  }
  throw new Error(problem);
}
