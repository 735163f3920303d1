import { MAX_IN_FLIGHT } from "./constants";
import type { QueueEntry } from "./queue-entries";

/**
 * Which waiting entries may start now, oldest first: at most `maxInFlight`
 * requests at once (page hide lifts it: the keepalive budget limits those), and only the first entry of each session (a session with
 * a request in flight waits for it), so each session's signals go in order.
 * `nextWakeMs` is the earliest time a session's first entry may retry.
 */
export function dueEntries(entries: readonly QueueEntry[], inFlight: number, now: number, maxInFlight = MAX_IN_FLIGHT): { due: QueueEntry[]; nextWakeMs: number } {
  const due: QueueEntry[] = [];
  let nextWakeMs = Infinity;
  const busySessions = new Set<string>();
  for (const entry of entries) {
    if (inFlight + due.length >= maxInFlight) break;
    // One request per session at a time keeps each session's signals in order.
    if (busySessions.has(entry.session)) continue;
    busySessions.add(entry.session);
    if (entry.inFlight) continue;
    if (entry.notBeforeMs! > now) nextWakeMs = Math.min(nextWakeMs, entry.notBeforeMs!);
    else due.push(entry);
  }
  return { due, nextWakeMs };
}
