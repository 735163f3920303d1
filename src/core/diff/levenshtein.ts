import { commonEnds, toIds } from "./sequence";

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

/** Edit distance of two sequences (code units or tokens), compared as ids. */
function distance(a: ArrayLike<string>, b: ArrayLike<string>): number {
  const vocabulary = new Map<string, number>();
  const idsA = toIds(a, vocabulary);
  const idsB = toIds(b, vocabulary);
  // The shorter sequence is the pattern: fewer 32-row bands.
  const [pattern, text] = idsA.length <= idsB.length ? [idsA, idsB] : [idsB, idsA];
  const n = text.length;
  // Horizontal delta (+1/0/-1) leaving the bottom of the band above, per text column; row 0 is all +1.
  const carry = new Int8Array(n).fill(1);
  const peq = new Int32Array(vocabulary.size);
  for (let start = 0; start < pattern.length; start += 32) {
    const rows = pattern.subarray(start, start + 32);
    rows.forEach((id, i) => (peq[id]! |= 1 << i));
    const high = 1 << (rows.length - 1);
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
    rows.forEach((id) => (peq[id] = 0));
  }
  return carry.reduce((sum, delta) => sum + delta, pattern.length);
}

/**
 * A token is a word (letters/digits, at most 8 per token, so scripts without
 * spaces still split) with the punctuation and white space after it, or a
 * run of other characters. Tokens cover the text, end to end.
 */
const TOKEN = /[\p{L}\p{N}_]{1,8}[^\p{L}\p{N}_\s]*\s*|[^\p{L}\p{N}_]+/gu;
/** Tokens per sample window used to calibrate the estimate. */
const SAMPLE_TOKENS = 400;
const SAMPLE_WINDOWS = 4;

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
  const tokensA = a.match(TOKEN) ?? [];
  const tokensB = b.match(TOKEN) ?? [];
  let sampleChars = 0;
  let sampleTokens = 0;
  for (let w = 0.5; w < SAMPLE_WINDOWS; w++) {
    // The SAMPLE_TOKENS tokens centred at w / SAMPLE_WINDOWS of each text (all of them when fewer).
    const [windowA, windowB] = [tokensA, tokensB].map((tokens) => {
      const start = Math.max(0, Math.min(tokens.length - SAMPLE_TOKENS, Math.floor((tokens.length * w) / SAMPLE_WINDOWS - SAMPLE_TOKENS / 2)));
      return tokens.slice(start, start + SAMPLE_TOKENS);
    }) as [string[], string[]];
    sampleTokens += distance(windowA, windowB);
    // Exact on the joined windows' code units (a string is a sequence too).
    sampleChars += distance(windowA.join(""), windowB.join(""));
  }
  const charsPerTokenEdit = sampleTokens > 0 ? sampleChars / sampleTokens : (a.length + b.length) / Math.max(1, tokensA.length + tokensB.length);
  const estimate = Math.round(distance(tokensA, tokensB) * charsPerTokenEdit);
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
  const [prefix, suffix] = commonEnds(a, b);
  const restA = a.slice(prefix, a.length - suffix);
  const restB = b.slice(prefix, b.length - suffix);
  const exact = restA.length * restB.length <= budgetPairs;
  return { distance: exact ? distance(restA, restB) : estimateByTokens(restA, restB), exact };
}
