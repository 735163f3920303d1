import { deepDiff, isRecord } from "./deep-diff";
import { levenshtein } from "./levenshtein";
import { toPlain, type Plain } from "./plain";
import { structuralEqual } from "./structural-equal";

/**
 * An edited value's weight: strings by Levenshtein distance / longer length,
 * numbers by |a - b| / max(|a|, |b|) capped at 1, anything else 1.
 */
function editWeight(before: Plain, after: Plain): number {
  if (typeof before === "string" && typeof after === "string") return levenshtein(before, after).distance / Math.max(before.length, after.length);
  if (typeof before !== "number" || typeof after !== "number") return 1;
  // Old 0 and new x give |x| / |x| = 1; NaN (from NaN or infinities) is 1 as well.
  const ratio = before === after ? 0 : Math.abs(before - after) / Math.max(Math.abs(before), Math.abs(after));
  return ratio < 1 ? ratio : 1;
}

const topLevelCount = (value: Plain) => (Array.isArray(value) ? value.length : isRecord(value) ? Object.keys(value).length : 1);

/**
 * How much changed between two snapshots, in [0, 1] (the edit's `confidence`):
 * the weighted deep-diff records over the larger top-level count, capped at
 * 1 (API.md A). A string or a number at the top is one edit weighing its own
 * percentage: Levenshtein distance / longer length (1 when exactly one side
 * is empty), or relative difference. Equal snapshots (including `null`,
 * `undefined`, `""`, `[]` against themselves) give 0.
 */
export function diffPercentage(before: unknown, after: unknown): number {
  // A BigInt at the top is measured as a number; an edited BigInt inside a structure weighs 1.
  if (typeof before === "bigint" && typeof after === "bigint") [before, after] = [Number(before), Number(after)];
  if (structuralEqual(before, after)) return 0;
  const lhs = toPlain(before);
  const rhs = toPlain(after);
  let weight = 0;
  for (const record of deepDiff(lhs, rhs)) weight += record.kind === "A" ? 0.5 : record.kind === "E" ? editWeight(record.lhs, record.rhs) : 1;
  return weight && Math.min(1, weight / Math.max(1, topLevelCount(lhs), topLevelCount(rhs)));
}
