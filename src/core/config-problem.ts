import { logOnce } from "./console-once";
import { isProduction } from "./environment";
import type { ResolvedConfig } from "./resolve-config";

/**
 * What a configuration that can never deliver (no key, a secret key, no
 * project) does: in development and tests it throws, where the developer can
 * fix it; in production telemetry turns itself off with one `console.error`.
 * A disabled configuration sends nothing anyway, so it is not checked.
 */
export function enforceUsableConfig({ problem, disabled }: ResolvedConfig): void {
  if (!problem || disabled) return;
  if (!isProduction()) throw new Error(problem);
  logOnce("error", `kelet:config:${problem}`, `[kelet] Feedback telemetry is off: ${problem}`);
}
