import { isPublishableKey, isSecretKey, keyHeaderProblem } from "./api-key";
import { logOnce } from "./console-once";
import { baseUrlProblem, DEFAULT_BASE_URL, normalizeBaseUrl } from "./endpoint";
import { isNonEmptyString } from "./validate-signal";

/** What a provider was given; `undefined` means "take the parent's". */
export interface ConfigInput {
  apiKey?: string;
  project?: string;
  baseUrl?: string;
  disabled?: boolean;
  debug?: boolean;
  captureEvents?: boolean;
  persist?: boolean;
}

/** A provider's settings after inheritance: strings and booleans only, so a provider can key its client on them. */
export interface ResolvedConfig {
  /** `""` when there is no usable key. */
  apiKey: string;
  project: string;
  baseUrl: string;
  disabled: boolean;
  debug: boolean;
  /** Attach the last user event as `metadata.$dom_event`, and listen for it while open. Default `true`. */
  captureEvents: boolean;
  /** May unsent signals be saved to storage for the next visit. Default `true`. */
  persist: boolean;
  /** Why this configuration can never deliver, if it cannot: the message of its {@link KeletConfigError}. */
  problem: string | undefined;
}

/** The 1.3 message (apps may match on it), for `apiKey` and `project`. */
const missing = (setting: string) => `${setting} is required either directly or from a parent KeletProvider`;

const SECRET_KEY_FIX =
  () =>
    "KeletProvider was given a secret key (sk-kelet-... or sk_...), which is never sent from a browser: pass the publishable key " +
    "(pk-kelet-..., or pk_... in older projects) from your Kelet project's API keys settings instead, and keep the secret key in your server's environment.";

/** The fix in full where the developer reads it; a production build keeps only the short form. */
function secretKeyMessage(): string {
  try {
    if (process.env.NODE_ENV !== "production") return SECRET_KEY_FIX();
  } catch {
    return SECRET_KEY_FIX(); // No bundler, no `process`: development.
  }
  return "KeletProvider was given a secret key (sk-kelet-... or sk_...), never sent from a browser: use the publishable key (pk-kelet-...)";
}

/** Applies inheritance (own value, else the nearest ancestor's) and checks the result. */
export function resolveConfig(own: ConfigInput, parent: Partial<ResolvedConfig> = {}): ResolvedConfig {
  const inherit = <K extends keyof ConfigInput>(setting: K) => own[setting] ?? parent[setting];
  const firstNonEmpty = (...values: unknown[]): string => values.find(isNonEmptyString) ?? "";
  const apiKey = firstNonEmpty(own.apiKey, parent.apiKey);
  const project = firstNonEmpty(own.project, parent.project);
  const disabled = !!inherit("disabled");
  const secret = isSecretKey(apiKey);
  try {
    // Written out so a production bundle drops the warning; a page without a bundler has no `process`: no warning, and no throw.
    if (process.env.NODE_ENV !== "production" && apiKey && !secret && !disabled && !isPublishableKey(apiKey)) {
      logOnce(
        "warn",
        "kelet:key-not-publishable",
        "[kelet] KeletProvider's apiKey starts with neither pk-kelet- nor pk_, so it is not a publishable key and the Kelet API will " +
          "most likely refuse it (401). Pass the publishable key (pk-kelet-...) from your Kelet project's API keys settings " +
          "(in a Vite app e.g. VITE_KELET_PUBLISHABLE_KEY, in Next.js NEXT_PUBLIC_KELET_PUBLISHABLE_KEY).",
      );
    }
  } catch {
    // A message is not worth a client.
  }
  const baseUrl = normalizeBaseUrl(firstNonEmpty(own.baseUrl, parent.baseUrl, DEFAULT_BASE_URL));
  // A request that can never be made: each signal rejects naming why; the developer hears it now.
  const requestProblem = disabled || secret ? undefined : (apiKey && keyHeaderProblem(apiKey)) || baseUrlProblem(baseUrl);
  try {
    if (process.env.NODE_ENV !== "production" && requestProblem) {
      logOnce("error", `kelet:request-problem:${requestProblem}`, `[kelet] KeletProvider's ${requestProblem}: every signal will be rejected. Fix the setting.`);
    }
  } catch {
    // A message is not worth a client.
  }
  return {
    // A refused secret key is never kept where code (or a child provider) could read it.
    apiKey: secret ? "" : apiKey,
    project,
    baseUrl,
    disabled,
    debug: !!inherit("debug"),
    captureEvents: inherit("captureEvents") ?? true,
    persist: inherit("persist") ?? true,
    problem: !apiKey ? missing("apiKey") : secret ? secretKeyMessage() : !project ? missing("project") : undefined,
  };
}
