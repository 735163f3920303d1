import { FeedbackSubmitError } from "../errors";
import type { ValidSignal } from "../signal";
import { MAX_SIGNAL_BYTES } from "./constants";

/** The UTF-8 size of a string, which is what the wire and the keepalive budget count. */
export const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Keeps a signal under MAX_SIGNAL_BYTES: an oversized `value` is cut and ends
 * with a marker saying how much was cut; a signal still too large is refused
 * (its error returned: reported, never queued).
 */
export function capSignal(signal: ValidSignal, maxBytes = MAX_SIGNAL_BYTES): { signal: ValidSignal; body: string; bytes: number } | FeedbackSubmitError {
  const { value } = signal;
  let capped = signal;
  let body = JSON.stringify(capped);
  let bytes = utf8Bytes(body);
  for (let keep = value?.length ?? 0; bytes > maxBytes && typeof value == "string" && keep > 0; ) {
    // Cut by at least the overshoot in bytes (one char is at least one byte) plus room for the marker.
    keep = Math.max(0, keep - (bytes - maxBytes) - 48);
    // Never split a surrogate pair.
    const head = value.slice(0, keep).replace(/[\ud800-\udbff]$/, "");
    capped = { ...signal, value: `${head}…[truncated ${value.length - head.length} chars]` };
    body = JSON.stringify(capped);
    bytes = utf8Bytes(body);
  }
  return bytes > maxBytes ? new FeedbackSubmitError(`signal is ${bytes} bytes, over the ${maxBytes}-byte limit`, 413) : { signal: capped, body, bytes };
}
