import type { EntryOwner, QueueEntry } from "./queue-entries";
import { debugLog } from "../console-once";
import { newEntry, reportToOwner } from "./queue-entries";
import { MAX_RETRY_AFTER_MS, monoMs, nowMs } from "./constants";
import { utf8Bytes } from "./payload-cap";
import { parseStoredBody, type StoredSignal } from "./signal-store";

/**
 * Queue entries for signals an earlier page (or a closed tab) saved, in the
 * order they were queued. Nobody awaits them: their fate goes to `owner`'s
 * onError (once; never for a record already `reported`) and the debug log.
 */
export function entriesFromSaved(records: readonly StoredSignal[], owner: EntryOwner): QueueEntry[] {
  return records.map(({ id, body, queuedAtMs, reported, notBeforeMs }) => {
    const signal = parseStoredBody(body);
    const settle = (error?: Error) => (error ? reportToOwner(owner, error, signal) : debugLog(owner.debug, "delivered (saved by an earlier page)", signal));
    const entry = newEntry({ id, signal, body, bytes: utf8Bytes(body), queuedAtMs, owner, settled: reported, settle });
    // The retry time it was saved with (a server's Retry-After, on the wall clock) still holds on this page's
    // monotonic clock, never beyond the longest wait.
    if (typeof notBeforeMs == "number") entry.notBeforeMs = monoMs() + Math.min(notBeforeMs - nowMs(), MAX_RETRY_AFTER_MS);
    return entry;
  });
}
