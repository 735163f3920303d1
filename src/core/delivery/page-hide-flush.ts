import { FeedbackSubmitError } from "../errors";
import type { PageHideReason } from "../page-lifecycle";
import { settleEntry, type QueueEntry } from "./queue-entries";
import { dueEntries } from "./schedule";

/**
 * The page is hidden or left: what may leave now in order goes out with
 * `keepalive` (`sendWithKeepalive` is false when it did not go: over the
 * page's budget, or handed over): the first waiting signal of each session
 * with no request in flight, once its retry time (`Retry-After`) has come,
 * and nothing at all when `canSend` is false (offline). Racing the rest would
 * let a comment overtake its vote. What may not survive the page (held back,
 * not sent, or in flight on a plain request that dies with it) is saved
 * through `save` when its sender allows it, with its retry time; otherwise it
 * stays in memory, and its caller hears now when persist is off and the page
 * is left or cannot send, or when the page is `unloading` (not kept in the
 * back/forward cache) and saving failed (if the page comes back, it is still sent). Returns how many signals
 * are saved.
 */
export function flushOnPageHide(
  entries: QueueEntry[],
  reason: PageHideReason,
  canSend: boolean,
  sendWithKeepalive: (entry: QueueEntry) => boolean,
  save: (entries: QueueEntry[]) => void,
  now: number,
  unloading = false,
): number {
  const mayLeaveNow = new Set(canSend ? dueEntries(entries, 0, now, Infinity).due : []);
  const leftBehind = entries.slice().filter((entry) => (entry.inFlight ? !entry.keepalive : !(mayLeaveNow.has(entry) && sendWithKeepalive(entry)) && entries.includes(entry)));
  // Saved copies are taken back when a signal goes out later, so a page that comes back sends each once.
  // A keepalive request in flight is not saved too: most are accepted, and each saved copy would be sent again on
  // the next visit. One the server answers 5xx/429 after the page is gone is lost (nobody reads the answer).
  save(leftBehind.filter((e) => e.owner.persist));
  for (const entry of leftBehind) {
    // A hidden page keeps running: a plain request in flight may still finish, and what waits its turn still goes.
    const stillGoes = reason == "hidden" && (entry.inFlight || (canSend && !mayLeaveNow.has(entry)));
    if (!entry.owner.persist && !stillGoes) {
      settleEntry(entry, new FeedbackSubmitError("the page was hidden before the signal could be sent, and persist is off (nothing was saved)"));
    } else if (unloading && !entry.stored && !(entry.inFlight && entry.keepalive)) {
      // The page is unloaded for good and the copy could not be saved: told now, never lost in silence. (A mere hide,
      // or a pagehide into the back/forward cache, may come back: the signal then still goes from memory.)
      settleEntry(entry, new FeedbackSubmitError("the page was left before the signal could be sent, and it could not be saved (storage is full or unavailable)"));
    }
  }
  return leftBehind.filter((e) => e.stored).length;
}
