import { FeedbackSubmitError } from "../errors";
import type { ValidSignal } from "../signal";
import { MAX_SIGNAL_BYTES } from "./constants";

/** The UTF-8 size of a string, which is what the wire and the keepalive budget count. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export type CappedSignal = { signal: ValidSignal; body: string; bytes: number } | { error: FeedbackSubmitError };

/**
 * Keeps a signal under MAX_SIGNAL_BYTES: an oversized `value` is cut and ends
 * with a marker saying how much was cut; a signal still too large is refused
 * (reported, never queued).
 */
export function capSignal(signal: ValidSignal, maxBytes: number = MAX_SIGNAL_BYTES): CappedSignal {
  let capped = signal;
  let body = JSON.stringify(capped);
  let bytes = utf8Bytes(body);
  const value = signal.value;
  if (bytes > maxBytes && typeof value === "string") {
    let keep = value.length;
    while (bytes > maxBytes && keep > 0) {
      // Cut by at least the overshoot in bytes (one char is at least one byte) plus room for the marker.
      keep = Math.max(0, keep - (bytes - maxBytes) - 48);
      let head = value.slice(0, keep);
      if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
      capped = { ...signal, value: `${head}…[truncated ${value.length - head.length} chars]` };
      body = JSON.stringify(capped);
      bytes = utf8Bytes(body);
    }
  }
  if (bytes > maxBytes) {
    return { error: new FeedbackSubmitError(`signal is ${bytes} bytes, over the ${maxBytes}-byte limit`, 413) };
  }
  return { signal: capped, body, bytes };
}
