import { DEFAULT_BASE_URL, normalizeBaseUrl } from "./endpoint";
import { KeletConfigError } from "./errors";

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
  "KeletProvider was given a secret key (sk_...). Secret keys are for your server only and are never sent from a browser: " +
  "pass the publishable key (pk_...) from your Kelet project's API keys settings instead, and keep the sk_ key " +
  "in your server's environment for the Kelet server SDK.";

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** Applies inheritance (own value, else the nearest ancestor's) and checks the result. */
export function resolveConfig(own: ConfigInput, parent: Partial<ResolvedConfig> | undefined): ResolvedConfig {
  const apiKey = nonEmptyString(own.apiKey) ?? nonEmptyString(parent?.apiKey) ?? "";
  const project = nonEmptyString(own.project) ?? nonEmptyString(parent?.project) ?? "";
  const baseUrl = normalizeBaseUrl(nonEmptyString(own.baseUrl) ?? nonEmptyString(parent?.baseUrl) ?? DEFAULT_BASE_URL);
  const disabled = own.disabled ?? parent?.disabled ?? false;
  const debug = own.debug ?? parent?.debug ?? false;
  let problem: KeletConfigError | undefined;
  if (apiKey === "") problem = new KeletConfigError(MISSING_KEY_MESSAGE);
  else if (apiKey.startsWith("sk_")) problem = new KeletConfigError(SECRET_KEY_MESSAGE);
  else if (project === "") problem = new KeletConfigError(MISSING_PROJECT_MESSAGE);
  // A refused secret key is never kept where code (or a child provider) could read it.
  return { apiKey: apiKey.startsWith("sk_") ? "" : apiKey, project, baseUrl, disabled, debug, problem };
}
