import type { QueueEntry } from "./queue-entries";

export interface PageHideFlush {
  /** The queue's signals, oldest first. */
  entries: readonly QueueEntry[];
  /** False while offline: nothing is tried, everything is kept. */
  canSend: boolean;
  /** Sends one waiting signal with `keepalive` if it fits the page's budget; false when it did not go. */
  sendWithKeepalive(entry: QueueEntry): boolean;
}

/**
 * The page is hidden or left: every waiting signal goes out now with
 * `keepalive`, within the page's budget. Returns what may not survive the
 * page (not sent, or in flight on a plain request that dies with it), for
 * the caller to save or report.
 */
export function flushOnPageHide({ entries, canSend, sendWithKeepalive }: PageHideFlush): QueueEntry[] {
  const leftBehind: QueueEntry[] = [];
  for (const entry of entries.slice()) {
    if (entry.inFlight) {
      if (!entry.keepalive) leftBehind.push(entry);
    } else if (!(canSend && sendWithKeepalive(entry)) && entries.includes(entry)) {
      leftBehind.push(entry);
    }
  }
  return leftBehind;
}
