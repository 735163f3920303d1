import { createContext } from "react";
import type { FeedbackData } from "../core/signal";

/** What a `KeletProvider` gives the components and hooks below it: what apps need, nothing of the transport. */
export interface KeletContextValue {
  /** The publishable key signals are sent with (`""` when there is none). */
  api_key: string;
  /** The project this subtree's signals go to. */
  project: string;
  /**
   * Sends one signal; resolves when delivered, rejects with the reason it was not.
   * Typed with 1.3's `FeedbackData`, so test doubles written for 1.3 still fit; to send a
   * signal identified by `trace_id` alone, use `useKeletSignal()`, which takes either.
   */
  feedback: (data: FeedbackData) => Promise<void>;
}

/** The nearest `KeletProvider`'s settings and `feedback` function; `null` outside any provider. */
export const KeletContext = createContext<KeletContextValue | null>(null);
try {
  // For React DevTools; a production bundle drops it, and a page without a bundler (no `process`) goes without.
  if (process.env.NODE_ENV !== "production") KeletContext.displayName = "KeletContext";
} catch {}
