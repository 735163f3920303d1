/**
 * What the line diff and the Levenshtein distance share: both trim the
 * common ends of two sequences first (most edits are local), and both
 * compare what is left as integer ids (numbers compare and index faster
 * than strings). A sequence is a string (its UTF-16 code units) or an
 * array of strings (lines, word tokens).
 */

/** Lengths of the common prefix and of the common suffix of `a` and `b` (the suffix never overlaps the prefix). */
export function commonEnds(a: ArrayLike<unknown>, b: ArrayLike<unknown>): [prefix: number, suffix: number] {
  const shorter = Math.min(a.length, b.length);
  let prefix = 0;
  let suffix = 0;
  while (prefix < shorter && a[prefix] === b[prefix]) prefix++;
  while (suffix < shorter - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return [prefix, suffix];
}

/** Each item's id in `vocabulary` (0, 1, 2, ... in order of first appearance), adding the new ones. */
export function toIds(items: ArrayLike<string>, vocabulary: Map<string, number>): number[] {
  const ids: number[] = [];
  for (let i = 0; i < items.length; i++) {
    let id = vocabulary.get(items[i]!);
    if (id === undefined) vocabulary.set(items[i]!, (id = vocabulary.size));
    ids.push(id);
  }
  return ids;
}
