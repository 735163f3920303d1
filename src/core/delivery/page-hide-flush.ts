import type { QueueEntry } from "./queue-entries";

/**
 * The page is hidden or left: every waiting signal goes out now with
 * `keepalive` (`sendWithKeepalive` is false when it did not go: over the
 * page's budget, or handed over), unless `canSend` is false (offline).
 * Returns what may not survive the page (not sent, or in flight on a plain
 * request that dies with it), for the queue to save or report.
 */
export function flushOnPageHide(entries: QueueEntry[], canSend: boolean, sendWithKeepalive: (entry: QueueEntry) => boolean): QueueEntry[] {
  return entries.slice().filter((entry) => (entry.inFlight ? !entry.keepalive : !(canSend && sendWithKeepalive(entry)) && entries.includes(entry)));
}
