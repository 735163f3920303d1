/**
 * Levenshtein distance of two strings, measured on UTF-16 code units (what
 * `string.length` counts and what `fast-levenshtein` measures): an astral
 * character such as an emoji counts as two units. This keeps the distance
 * consistent with the "longer length" it is divided by.
 *
 * 1. The common prefix and suffix are trimmed first, so a local edit in a
 *    long document costs one linear scan.
 * 2. What is left goes through Myers' bit-parallel algorithm (Myers 1999,
 *    in Hyyrö's block form), 32 pattern rows per machine word, one 32-row
 *    band at a time over the whole text.
 * 3. When what is left exceeds the work budget (`shorter * longer` code
 *    units), the distance is estimated on word tokens instead; see
 *    {@link estimateByTokens}.
 */

/** Character pairs (after trimming) up to which the distance is exact. */
export const EXACT_WORK_BUDGET_PAIRS = 16_000_000;

export interface LevenshteinResult {
  distance: number;
  /** False when the work budget was exceeded and `distance` is the word-token estimate. */
  exact: boolean;
}

/** Distance between two integer sequences, `pattern` the shorter one, both non-empty. */
function bitParallelDistance(pattern: ArrayLike<number>, text: ArrayLike<number>, alphabetSize: number): number {
  const m = pattern.length;
  const n = text.length;
  // Horizontal delta (+1/0/-1) leaving the bottom of the band above, per text column; row 0 is all +1.
  const carry = new Int8Array(n).fill(1);
  const peq = new Int32Array(alphabetSize);
  let distance = m;
  for (let start = 0; start < m; start += 32) {
    const rows = Math.min(32, m - start);
    for (let i = 0; i < rows; i++) peq[pattern[start + i]!]! |= 1 << i;
    const high = 1 << (rows - 1);
    let pv = -1;
    let mv = 0;
    for (let j = 0; j < n; j++) {
      const hin = carry[j]!;
      let eq = peq[text[j]!]!;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      carry[j] = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    for (let i = 0; i < rows; i++) peq[pattern[start + i]!] = 0;
  }
  for (let j = 0; j < n; j++) distance += carry[j]!;
  return distance;
}

/** Maps the code units of both strings to small integers (the pattern's alphabet; 0 = absent from it). */
function codeUnitIds(pattern: string, text: string): { p: Int32Array; t: Int32Array; size: number } {
  const ids = new Map<number, number>();
  const p = new Int32Array(pattern.length);
  for (let i = 0; i < pattern.length; i++) {
    const unit = pattern.charCodeAt(i);
    let id = ids.get(unit);
    if (id === undefined) ids.set(unit, (id = ids.size + 1));
    p[i] = id;
  }
  const t = new Int32Array(text.length);
  for (let j = 0; j < text.length; j++) t[j] = ids.get(text.charCodeAt(j)) ?? 0;
  return { p, t, size: ids.size + 1 };
}

/** Exact distance of two strings without a common prefix or suffix, both non-empty. */
function exactCore(a: string, b: string): number {
  const [pattern, text] = a.length <= b.length ? [a, b] : [b, a];
  const { p, t, size } = codeUnitIds(pattern, text);
  return bitParallelDistance(p, t, size);
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffixLength(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * A token is a word (letters/digits, at most 8 per token, so scripts without
 * spaces still split) with the punctuation and white space after it, or a
 * run of other characters.
 */
const TOKEN = /[\p{L}\p{N}_]{1,8}[^\p{L}\p{N}_\s]*\s*|[^\p{L}\p{N}_]+/gu;
/** Tokens per sample window used to calibrate the estimate. */
const SAMPLE_TOKENS = 400;
const SAMPLE_WINDOWS = 4;

interface Tokens {
  ids: Int32Array;
  /** Start offset of each token in the string, plus the string's length at the end. */
  starts: Int32Array;
}

function tokenize(text: string, vocabulary: Map<string, number>): Tokens {
  const ids: number[] = [];
  const starts: number[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    let id = vocabulary.get(match[0]);
    if (id === undefined) vocabulary.set(match[0], (id = vocabulary.size));
    ids.push(id);
    starts.push(match.index);
  }
  starts.push(text.length);
  return { ids: Int32Array.from(ids), starts: Int32Array.from(starts) };
}

function tokenDistance(a: ArrayLike<number>, b: ArrayLike<number>, alphabetSize: number): number {
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  return a.length <= b.length ? bitParallelDistance(a, b, alphabetSize) : bitParallelDistance(b, a, alphabetSize);
}

/**
 * The estimate beyond the work budget: map each token to an integer, run
 * the same bit-parallel algorithm over the token sequences, then scale the
 * token distance by the characters one token edit costs, measured exactly
 * on a few windows spread over both texts (exact char distance / token
 * distance of the same windows). The result is clamped to the bounds every
 * Levenshtein distance obeys: at least the length difference, at most the
 * longer length.
 */
export function estimateByTokens(a: string, b: string): number {
  const vocabulary = new Map<string, number>();
  const ta = tokenize(a, vocabulary);
  const tb = tokenize(b, vocabulary);
  const tokenEdits = tokenDistance(ta.ids, tb.ids, vocabulary.size);
  let sampleChars = 0;
  let sampleTokens = 0;
  const na = ta.ids.length;
  const nb = tb.ids.length;
  for (let w = 0; w < SAMPLE_WINDOWS; w++) {
    const fraction = (w + 0.5) / SAMPLE_WINDOWS;
    const ia = Math.max(0, Math.min(na - SAMPLE_TOKENS, Math.floor(na * fraction - SAMPLE_TOKENS / 2)));
    const ib = Math.max(0, Math.min(nb - SAMPLE_TOKENS, Math.floor(nb * fraction - SAMPLE_TOKENS / 2)));
    const ea = Math.min(na, ia + SAMPLE_TOKENS);
    const eb = Math.min(nb, ib + SAMPLE_TOKENS);
    sampleTokens += tokenDistance(ta.ids.subarray(ia, ea), tb.ids.subarray(ib, eb), vocabulary.size);
    sampleChars += exactWithin(a.slice(ta.starts[ia], ta.starts[ea]), b.slice(tb.starts[ib], tb.starts[eb]));
  }
  const charsPerTokenEdit = sampleTokens > 0 ? sampleChars / sampleTokens : (a.length + b.length) / Math.max(1, na + nb);
  const estimate = Math.round(tokenEdits * charsPerTokenEdit);
  return Math.min(Math.max(a.length, b.length), Math.max(Math.abs(a.length - b.length), estimate));
}

/** Exact distance, whatever the cost (for sample windows, tests and the bench). */
export function exactWithin(a: string, b: string): number {
  return levenshtein(a, b, Infinity).distance;
}

/**
 * Levenshtein distance of `a` and `b` in UTF-16 code units: exact while the
 * trimmed remainder is within `budgetPairs` character pairs, else the
 * word-token estimate (`exact: false`).
 */
export function levenshtein(a: string, b: string, budgetPairs: number = EXACT_WORK_BUDGET_PAIRS): LevenshteinResult {
  if (a === b) return { distance: 0, exact: true };
  const prefix = commonPrefixLength(a, b);
  const suffix = commonSuffixLength(a, b, prefix);
  const restA = a.slice(prefix, a.length - suffix);
  const restB = b.slice(prefix, b.length - suffix);
  if (restA.length === 0 || restB.length === 0) return { distance: Math.max(restA.length, restB.length), exact: true };
  if (restA.length * restB.length <= budgetPairs) return { distance: exactCore(restA, restB), exact: true };
  return { distance: estimateByTokens(restA, restB), exact: false };
}
