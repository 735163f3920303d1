import type { QueueEntry } from "./queue-entries";

/**
 * What the caller of a signal that waited out the blocked-endpoint ceiling hears, after the queue tried to save it:
 * saved (it leaves this page's memory, for the next visit), or kept in memory (storage full or unavailable, or
 * persist off), still sent if the endpoint answers again while the page is open.
 */
export function blockedOutcome(entry: Pick<QueueEntry, "stored" | "owner">): string {
  if (entry.stored) return "saved for the next visit";
  const why = entry.owner.persist ? "storage is full or unavailable" : "persist is off";
  return `not saved (${why}), kept in memory: sent if the endpoint is reachable again while the page is open`;
}
