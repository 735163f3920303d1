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

/** `unloading`: a `pagehide` that says the page will not be kept in the back/forward cache (`persisted` false). */
type PageHideListener = (reason: PageHideReason, unloading: boolean) => void;

interface PageHideHub {
  subscribers: Set<[PageHidePhase, PageHideListener]>;
  /** Removes the document listeners; set while they are installed. */
  uninstall?: () => void;
}

// One hub per page (on globalThis), so edits of one build are emitted before the queue of another build flushes.
const HUB_KEY = Symbol.for("kelet.page-lifecycle.v2");

/** Calls `listener` whenever the page is hidden or left; returns the unsubscribe function. */
export function subscribePageHide(phase: PageHidePhase, listener: PageHideListener): () => void {
  if (typeof document == "undefined") return () => {};
  const hub = ((globalThis as { [HUB_KEY]?: PageHideHub })[HUB_KEY] ??= { subscribers: new Set() });
  const subscription: [PageHidePhase, PageHideListener] = [phase, listener];
  hub.subscribers.add(subscription);
  if (!hub.uninstall) {
    const onHide = (event: Event) => {
      const { type } = event;
      const unloading = type == "pagehide" && (event as Event & { persisted?: boolean }).persisted === false;
      if (type != "pagehide" && document.visibilityState != "hidden") return;
      // "emit-edits" sorts before "flush-queue"; the sort is stable, so each phase keeps its subscription order.
      for (const [, subscriber] of Array.from(hub.subscribers).sort(([a], [b]) => a.localeCompare(b))) {
        try {
          subscriber(type == "pagehide" ? type : "hidden", unloading);
        } catch (error) {
          console.error("[kelet] a page-hide handler failed:", error);
        }
      }
    };
    const listen = (method: "addEventListener" | "removeEventListener") => {
      document[method]("visibilitychange", onHide);
      window[method]("pagehide", onHide);
    };
    listen("addEventListener");
    hub.uninstall = () => listen("removeEventListener");
  }
  return () => {
    hub.subscribers.delete(subscription);
    if (!hub.subscribers.size) {
      hub.uninstall?.();
      hub.uninstall = undefined;
    }
  };
}
