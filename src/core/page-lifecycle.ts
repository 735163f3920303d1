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

interface PageHideHub {
  listeners: Record<PageHidePhase, Set<PageHideListener>>;
  /** Removes the document listeners; set while they are installed. */
  uninstall?: () => void;
}

// One hub per page (on globalThis), so edits of one build are emitted before the queue of another build flushes.
const HUB_KEY = Symbol.for("kelet.page-lifecycle");

function pageHideHub(): PageHideHub {
  const holder = globalThis as { [HUB_KEY]?: PageHideHub };
  return (holder[HUB_KEY] ??= { listeners: { "emit-edits": new Set(), "flush-queue": new Set() } });
}

function notify(hub: PageHideHub, reason: PageHideReason): void {
  for (const phase of ["emit-edits", "flush-queue"] as const) {
    for (const listener of Array.from(hub.listeners[phase])) {
      try {
        listener(reason);
      } catch (error) {
        console.error("[kelet] a page-hide handler failed:", error);
      }
    }
  }
}

/** Calls `listener` whenever the page is hidden or left; returns the unsubscribe function. */
export function subscribePageHide(phase: PageHidePhase, listener: PageHideListener): () => void {
  if (typeof window === "undefined" || typeof document === "undefined") return () => {};
  const hub = pageHideHub();
  hub.listeners[phase].add(listener);
  if (!hub.uninstall) {
    const onVisibilityChange = () => {
      if (document.visibilityState === "hidden") notify(hub, "hidden");
    };
    const onPageHide = () => notify(hub, "pagehide");
    document.addEventListener("visibilitychange", onVisibilityChange);
    window.addEventListener("pagehide", onPageHide);
    hub.uninstall = () => {
      document.removeEventListener("visibilitychange", onVisibilityChange);
      window.removeEventListener("pagehide", onPageHide);
    };
  }
  return () => {
    hub.listeners[phase].delete(listener);
    if (hub.uninstall && hub.listeners["emit-edits"].size + hub.listeners["flush-queue"].size === 0) {
      hub.uninstall();
      hub.uninstall = undefined;
    }
  };
}
