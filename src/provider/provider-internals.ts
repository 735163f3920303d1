import { createContext } from "react";
import type { SignalErrorHandler } from "../core/report-failure";
import type { ResolvedConfig } from "../core/resolve-config";
import type { FetchLike } from "../core/signal-request";

/**
 * What a `KeletProvider` passes down besides the public context: the
 * plumbing nested providers inherit and the library's own parts use. Never
 * exported from the package, so apps cannot come to depend on it.
 */
export interface ProviderInternals {
  /** The provider's settings after inheritance (nested providers inherit them). */
  config?: ResolvedConfig;
  /** Where parts and nested providers without `onError` report failures. */
  reportFailure?: SignalErrorHandler;
  /** The transport nested providers without `fetch` use. */
  fetch?: FetchLike;
  /** The last user event travels as `metadata.$dom_event`. */
  captureEvents?: boolean;
  /** Unsent signals may be saved to storage for the next visit. */
  persist?: boolean;
}

export const ProviderInternalsContext = createContext<ProviderInternals | null>(null);
