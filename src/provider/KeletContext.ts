import { createContext } from "react";
import type { FeedbackFunction } from "../core/feedback-function";
import type { SignalErrorHandler } from "../core/report-failure";
import type { FetchLike } from "../core/signal-request";

/** What a `KeletProvider` gives the components and hooks below it. */
export interface KeletContextValue {
  /** The publishable key signals are sent with (`""` when there is none). */
  api_key: string;
  /** The project this subtree's signals go to. */
  project: string;
  /** Sends one signal; resolves when delivered, rejects with the reason it was not. */
  feedback: FeedbackFunction;
  /** The API origin, normalised. Inherited by nested providers. */
  baseUrl?: string;
  /** Sending is turned off for this subtree. */
  disabled?: boolean;
  /** Each signal and its outcome is logged. */
  debug?: boolean;
  /** The last user event travels as `metadata.$dom_event`. Inherited by nested providers. */
  captureEvents?: boolean;
  /** Unsent signals may be saved to storage for the next visit. Inherited by nested providers. */
  persist?: boolean;
  /** @internal Where nested providers without `onError` report failures. */
  reportFailure?: SignalErrorHandler;
  /** @internal The transport nested providers without `fetch` use. */
  fetch?: FetchLike;
}

/** The nearest `KeletProvider`'s settings and `feedback` function; `null` outside any provider. */
export const KeletContext = createContext<KeletContextValue | null>(null);
KeletContext.displayName = "KeletContext";
