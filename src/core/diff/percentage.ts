import { deepDiff, isRecord } from "./deep-diff";
import { levenshtein } from "./levenshtein";
import { toPlain, type Plain } from "./plain";
import { structuralEqual } from "./structural-equal";

/** Levenshtein distance / longer length: 0 when equal, 1 when exactly one side is empty. */
export function stringPercentage(before: string, after: string): number {
  return before === after ? 0 : Math.min(1, levenshtein(before, after).distance / Math.max(before.length, after.length));
}

/** |a - b| / max(|a|, |b|), capped at 1; 1 when the old value is 0 and the new one differs. */
export function numberPercentage(before: number, after: number): number {
  if (Object.is(before, after) || before === after) return 0;
  const ratio = before === 0 ? 1 : Math.abs(before - after) / Math.max(Math.abs(before), Math.abs(after));
  // NaN (from NaN or infinities) is 1 as well.
  return ratio < 1 ? ratio : 1;
}

const topLevelCount = (value: Plain) => (Array.isArray(value) ? value.length : isRecord(value) ? Object.keys(value).length : 1);

/**
 * How much changed between two snapshots, in [0, 1] (the edit's `confidence`):
 * strings by Levenshtein distance, numbers by relative difference, anything
 * else by weighted deep-diff records over the larger top-level count, capped
 * at 1 (API.md A); a string or number at the top is one record of weight
 * its own percentage. Equal snapshots (including `null`, `undefined`, `""`,
 * `[]` against themselves) give 0.
 */
export function diffPercentage(before: unknown, after: unknown): number {
  if (typeof before === "bigint" && typeof after === "bigint") return numberPercentage(Number(before), Number(after));
  if (structuralEqual(before, after)) return 0;
  const lhs = toPlain(before);
  const rhs = toPlain(after);
  let weight = 0;
  for (const record of deepDiff(lhs, rhs)) {
    const { kind, lhs: old, rhs: now } = record;
    weight +=
      kind === "A" ? 0.5
      : kind !== "E" ? 1
      : typeof old === "string" && typeof now === "string" ? stringPercentage(old, now)
      : typeof old === "number" && typeof now === "number" ? numberPercentage(old, now)
      : 1;
  }
  return weight && Math.min(1, weight / Math.max(1, topLevelCount(lhs), topLevelCount(rhs)));
}
