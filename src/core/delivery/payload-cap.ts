import { FeedbackSubmitError } from "../errors";
import type { ValidSignal } from "../signal";
import { MAX_SIGNAL_BYTES } from "./constants";

/** The UTF-8 size of a string, which is what the wire and the keepalive budget count. */
export const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

/** The first `keep` code units of `text`, one fewer when that would end inside a surrogate pair. */
const wholeCharsPrefix = (text: string, keep: number): string => text.slice(0, keep).replace(/[\ud800-\udbff]$/, "");

/**
 * Keeps a signal under MAX_SIGNAL_BYTES: an oversized `value` is cut to the
 * longest prefix whose UTF-8 body fits (never inside a surrogate pair) and
 * ends with a marker saying how much was cut; a signal still too large is
 * refused (its error returned: reported, never queued).
 */
export function capSignal(signal: ValidSignal, maxBytes = MAX_SIGNAL_BYTES): { signal: ValidSignal; body: string; bytes: number } | FeedbackSubmitError {
  const { value } = signal;
  const cut = (keep: number) => {
    const head = wholeCharsPrefix(value as string, keep);
    const capped = { ...signal, value: `${head}…[truncated ${(value as string).length - head.length} chars]` };
    const body = JSON.stringify(capped);
    return { signal: capped, body, bytes: utf8Bytes(body) };
  };
  let best = { signal, body: JSON.stringify(signal), bytes: 0 };
  best.bytes = utf8Bytes(best.body);
  if (best.bytes > maxBytes && typeof value == "string") {
    // The body grows with the kept length (the marker's count shrinks by at most a digit): a binary search finds
    // the longest prefix that fits; a value whose every prefix is too large keeps nothing.
    let fits = 0;
    let over = value.length + 1;
    while (over - fits > 1) {
      const middle = (fits + over) >>> 1;
      if (cut(middle).bytes <= maxBytes) fits = middle;
      else over = middle;
    }
    best = cut(fits);
  }
  return best.bytes > maxBytes ? new FeedbackSubmitError(`signal is ${best.bytes} bytes, over the ${maxBytes}-byte limit`, 413) : best;
}
