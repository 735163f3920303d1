/**
 * One place that hears the page being hidden or left (`visibilitychange` to
 * hidden, `pagehide`) and tells subscribers in a fixed order: pending edits
 * are emitted first ("emit-edits"), then queued signals go out
 * ("flush-queue"), so nothing emitted at hide time is left behind.
 * Listeners are installed with the first subscriber and removed with the
 * last; they keep working after a return from the back/forward cache.
 */
export type PageHidePhase = "emit-edits" | "flush-queue";

/** Why the page is going away: hidden (may come back) or unloading/entering the bfcache. */
export type PageHideReason = "hidden" | "pagehide";

type PageHideListener = (reason: PageHideReason) => void;

const listeners: Record<PageHidePhase, Set<PageHideListener>> = {
  "emit-edits": new Set(),
  "flush-queue": new Set(),
};
let installed = false;

function notify(reason: PageHideReason): void {
  for (const phase of ["emit-edits", "flush-queue"] as const) {
    for (const listener of Array.from(listeners[phase])) {
      try {
        listener(reason);
      } catch (error) {
        console.error("[kelet] a page-hide handler failed:", error);
      }
    }
  }
}

function onVisibilityChange(): void {
  if (document.visibilityState === "hidden") notify("hidden");
}

function onPageHide(): void {
  notify("pagehide");
}

function subscriberCount(): number {
  return listeners["emit-edits"].size + listeners["flush-queue"].size;
}

/** Calls `listener` whenever the page is hidden or left; returns the unsubscribe function. */
export function subscribePageHide(phase: PageHidePhase, listener: PageHideListener): () => void {
  if (typeof window === "undefined" || typeof document === "undefined") return () => {};
  listeners[phase].add(listener);
  if (!installed) {
    installed = true;
    document.addEventListener("visibilitychange", onVisibilityChange);
    window.addEventListener("pagehide", onPageHide);
  }
  return () => {
    listeners[phase].delete(listener);
    if (installed && subscriberCount() === 0) {
      installed = false;
      document.removeEventListener("visibilitychange", onVisibilityChange);
      window.removeEventListener("pagehide", onPageHide);
    }
  };
}
