import { deepDiff } from "./deep-diff";
import { diffLines, formatGitLines, splitLines } from "./line-diff";
import { diffPercentage } from "./percentage";
import { prettyJson, toPlain } from "./plain";

/**
 * How an edit's `value` is written: `"git"` the `-`/`+` lines of a line
 * diff, `"object"` a JSON array of deep-diff records, `"json"` the JSON of
 * `{ before, after }`.
 */
export type DiffType = "git" | "object" | "json";

export interface EditDescription {
  /** The diff, written as `diffType` says. */
  value: string;
  /** How much changed, in [0, 1]. */
  percentage: number;
}

/** The text a side of a `"git"` diff is made of: a string as itself, anything else as pretty JSON. */
function gitText(side: unknown, other: unknown): string {
  if (typeof side === "string") return side;
  return side == null && typeof other === "string" ? "" : prettyJson(side);
}

/** The `value` of an edit from `before` to `after`. */
export function formatDiff(before: unknown, after: unknown, diffType?: DiffType): string {
  if (diffType === "json") return prettyJson({ before, after });
  // The records are plain already: printing them copies them once more, harmlessly.
  if (diffType === "object") return prettyJson(deepDiff(toPlain(before), toPlain(after)));
  // "git", the default.
  return formatGitLines(diffLines(splitLines(gitText(before, after)), splitLines(gitText(after, before))));
}

/** Diff value and percentage of one edit sequence; computed once, when the sequence ends. */
export function describeEdit(before: unknown, after: unknown, diffType?: DiffType): EditDescription {
  return { value: formatDiff(before, after, diffType), percentage: diffPercentage(before, after) };
}

export { diffPercentage } from "./percentage";
export { structuralEqual } from "./structural-equal";
export { levenshtein, EXACT_WORK_BUDGET_PAIRS } from "./levenshtein";
export { deepDiff, type DiffRecord } from "./deep-diff";
