/**
 * What the line diff and the Levenshtein distance share: both trim the
 * common ends of two sequences first (most edits are local), and both
 * compare what is left as integer ids (numbers compare and index faster
 * than strings). A sequence is a string (its UTF-16 code units) or an
 * array of strings (lines, word tokens).
 */

/** Code units a string's common ends are compared by at first, natively (see {@link commonEnds}). */
const BLOCK_UNITS = 64;

/** Lengths of the common prefix and of the common suffix of `a` and `b` (the suffix never overlaps the prefix). */
export function commonEnds(a: string | string[], b: string | string[]): [prefix: number, suffix: number] {
  const shorter = Math.min(a.length, b.length);
  // A string skips over equal blocks first: indexing one that is not Latin-1 allocates a string per code unit.
  const blocks = typeof a === "string";
  const end = (s: string | string[], suffix: number, units: number) => s.slice(s.length - suffix - units, s.length - suffix);
  let prefix = 0;
  let suffix = 0;
  while (blocks && prefix + BLOCK_UNITS <= shorter && a.slice(prefix, prefix + BLOCK_UNITS) === b.slice(prefix, prefix + BLOCK_UNITS)) prefix += BLOCK_UNITS;
  while (prefix < shorter && a[prefix] === b[prefix]) prefix++;
  while (blocks && suffix + BLOCK_UNITS <= shorter - prefix && end(a, suffix, BLOCK_UNITS) === end(b, suffix, BLOCK_UNITS)) suffix += BLOCK_UNITS;
  while (suffix < shorter - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return [prefix, suffix];
}

/** Each item's id in `vocabulary` (0, 1, 2, ... in order of first appearance), adding the new ones. */
export function toIds(items: ArrayLike<string>, vocabulary: Map<string, number>): Int32Array {
  const ids = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    let id = vocabulary.get(items[i]!);
    if (id === undefined) vocabulary.set(items[i]!, (id = vocabulary.size));
    ids[i] = id;
  }
  return ids;
}
