/** Where signals go when the provider names no `baseUrl`. */
export const DEFAULT_BASE_URL = "https://api.kelet.ai";

/**
 * The API origin without a trailing `/` and then without a trailing `/api`,
 * so `https://x.test/api/` and `https://x.test` mean the same server.
 */
export const normalizeBaseUrl = (baseUrl: string = DEFAULT_BASE_URL): string => baseUrl.trim().replace(/(\/api)?\/?$/, "");

/** `POST` target for one project's signals; the project is URL-encoded. */
export const signalEndpoint = (baseUrl: string, project: string): string =>
  `${normalizeBaseUrl(baseUrl)}/api/projects/${encodeURIComponent(project)}/signal`;

/** Why no request can be made to this `baseUrl` (it does not parse as a URL); `undefined` when it can. */
export function baseUrlProblem(baseUrl: string): string | undefined {
  try {
    // A relative baseUrl (a same-origin proxy) is read against the page, as fetch reads it.
    new URL(signalEndpoint(baseUrl, "p"), globalThis.location?.href ?? "http://localhost/");
    return undefined;
  } catch {
    return `baseUrl "${baseUrl}" is not a valid URL`;
  }
}
