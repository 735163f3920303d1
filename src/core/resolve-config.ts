import { isPublishableKey, isSecretKey } from "./api-key";
import { logOnce } from "./console-once";
import { DEFAULT_BASE_URL, normalizeBaseUrl } from "./endpoint";
import { KeletConfigError } from "./errors";
import { isNonEmptyString } from "./validate-signal";

/** What a provider was given; `undefined` means "take the parent's". */
export interface ConfigInput {
  apiKey?: string;
  project?: string;
  baseUrl?: string;
  disabled?: boolean;
  debug?: boolean;
}

/** A provider's settings after inheritance. */
export interface ResolvedConfig {
  /** `""` when there is no usable key. */
  apiKey: string;
  project: string;
  baseUrl: string;
  disabled: boolean;
  debug: boolean;
  /** Why this configuration can never deliver, if it cannot. */
  problem: KeletConfigError | undefined;
}

export const MISSING_KEY_MESSAGE = "apiKey is required either directly or from a parent KeletProvider";
export const MISSING_PROJECT_MESSAGE = "project is required either directly or from a parent KeletProvider";
export const SECRET_KEY_MESSAGE =
  "KeletProvider was given a secret key (sk-kelet-... or sk_...), which is never sent from a browser: pass the publishable key " +
  "(pk-kelet-..., or pk_... in older projects) from your Kelet project's API keys settings instead, and keep the secret key in your server's environment.";
/** Development only (its caller tests NODE_ENV): warns once per page about a key in neither publishable form. */
function warnIfNotPublishable(apiKey: string): void {
  if (apiKey === "" || isPublishableKey(apiKey)) return;
  logOnce(
    "warn",
    "kelet:key-not-publishable",
    "[kelet] KeletProvider's apiKey starts with neither pk-kelet- nor pk_, so it is not a publishable key and the Kelet API will " +
      "most likely refuse it (401). Pass the publishable key (pk-kelet-...) from your Kelet project's API keys settings " +
      "(in a Vite app e.g. VITE_KELET_PUBLISHABLE_KEY, in Next.js NEXT_PUBLIC_KELET_PUBLISHABLE_KEY).",
  );
}

/** The first of `values` that is a non-blank string. */
function firstNonEmpty(...values: unknown[]): string | undefined {
  return values.find(isNonEmptyString);
}

/** Applies inheritance (own value, else the nearest ancestor's) and checks the result. */
export function resolveConfig(own: ConfigInput, parent: Partial<ResolvedConfig> | undefined): ResolvedConfig {
  const apiKey = firstNonEmpty(own.apiKey, parent?.apiKey) ?? "";
  const project = firstNonEmpty(own.project, parent?.project) ?? "";
  const baseUrl = normalizeBaseUrl(firstNonEmpty(own.baseUrl, parent?.baseUrl, DEFAULT_BASE_URL)!);
  const disabled = own.disabled ?? parent?.disabled ?? false;
  const debug = own.debug ?? parent?.debug ?? false;
  const secret = apiKey !== "" && isSecretKey(apiKey);
  let problem: KeletConfigError | undefined;
  if (apiKey === "") problem = new KeletConfigError(MISSING_KEY_MESSAGE);
  else if (secret) problem = new KeletConfigError(SECRET_KEY_MESSAGE);
  else if (project === "") problem = new KeletConfigError(MISSING_PROJECT_MESSAGE);
  try {
    // Written out so a production bundle drops the call; a page without a bundler has no `process`: no warning, and no throw.
    if (process.env.NODE_ENV !== "production" && !secret && !disabled) warnIfNotPublishable(apiKey);
  } catch {
    // A message is not worth a client.
  }
  // A refused secret key is never kept where code (or a child provider) could read it.
  return { apiKey: secret ? "" : apiKey, project, baseUrl, disabled, debug, problem };
}
