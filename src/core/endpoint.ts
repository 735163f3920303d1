/** Where signals go when the provider names no `baseUrl`. */
export const DEFAULT_BASE_URL = "https://api.kelet.ai";

/**
 * The API origin without a trailing `/` and then without a trailing `/api`,
 * so `https://x.test/api/` and `https://x.test` mean the same server.
 */
export function normalizeBaseUrl(baseUrl: string = DEFAULT_BASE_URL): string {
  let normalized = baseUrl.trim();
  if (normalized.endsWith("/")) normalized = normalized.slice(0, -1);
  if (normalized.endsWith("/api")) normalized = normalized.slice(0, -"/api".length);
  return normalized;
}

/** `POST` target for one project's signals; the project is URL-encoded. */
export function signalEndpoint(baseUrl: string, project: string): string {
  return `${normalizeBaseUrl(baseUrl)}/api/projects/${encodeURIComponent(project)}/signal`;
}
