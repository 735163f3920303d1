import { createContext } from "react";
import type { FeedbackFunction } from "../core/feedback-function";

/** What a `KeletProvider` gives the components and hooks below it: what apps need, nothing of the transport. */
export interface KeletContextValue {
  /** The publishable key signals are sent with (`""` when there is none). */
  api_key: string;
  /** The project this subtree's signals go to. */
  project: string;
  /** Sends one signal; resolves when delivered, rejects with the reason it was not. */
  feedback: FeedbackFunction;
}

/** The nearest `KeletProvider`'s settings and `feedback` function; `null` outside any provider. */
export const KeletContext = createContext<KeletContextValue | null>(null);
try {
  // For React DevTools; a production bundle drops it, and a page without a bundler (no `process`) goes without.
  if (process.env.NODE_ENV !== "production") KeletContext.displayName = "KeletContext";
} catch {}
