import { FeedbackSubmitError } from "../errors";
import type { PageHideReason } from "../page-lifecycle";
import { settleEntry, type QueueEntry } from "./queue-entries";

/**
 * The page is hidden or left: every waiting signal goes out now with
 * `keepalive` (`sendWithKeepalive` is false when it did not go: over the
 * page's budget, or handed over), unless `canSend` is false (offline). What
 * may not survive the page (not sent, or in flight on a plain request that
 * dies with it) is saved through `save` when its sender allows it; otherwise
 * its caller hears it now (if the page comes back, it is still sent).
 * Returns how many signals are saved.
 */
export function flushOnPageHide(
  entries: QueueEntry[],
  reason: PageHideReason,
  canSend: boolean,
  sendWithKeepalive: (entry: QueueEntry) => boolean,
  save: (entries: QueueEntry[]) => void,
): number {
  const leftBehind = entries.slice().filter((entry) => (entry.inFlight ? !entry.keepalive : !(canSend && sendWithKeepalive(entry)) && entries.includes(entry)));
  // Saved copies are taken back when a signal goes out later, so a page that comes back sends each once.
  save(leftBehind.filter((e) => e.owner.persist));
  for (const entry of leftBehind) {
    // A plain request in flight when the page is only hidden may still finish.
    if (!entry.owner.persist && !(entry.inFlight && reason == "hidden")) {
      settleEntry(entry, new FeedbackSubmitError("the page was hidden before the signal could be sent, and persist is off (nothing was saved)"));
    }
  }
  return leftBehind.filter((e) => e.stored).length;
}
