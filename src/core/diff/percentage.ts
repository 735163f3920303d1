import { deepDiff } from "./deep-diff";
import { levenshtein } from "./levenshtein";
import { toPlain, type Plain } from "./plain";
import { structuralEqual } from "./structural-equal";

/** Levenshtein distance / longer length: 0 when equal, 1 when exactly one side is empty. */
export function stringPercentage(before: string, after: string): number {
  if (before === after) return 0;
  const longer = Math.max(before.length, after.length);
  return Math.min(1, levenshtein(before, after).distance / longer);
}

/** |a - b| / max(|a|, |b|), capped at 1; 1 when the old value is 0 and the new one differs. */
export function numberPercentage(before: number, after: number): number {
  if (Object.is(before, after) || before === after) return 0;
  if (before === 0) return 1;
  const ratio = Math.abs(before - after) / Math.max(Math.abs(before), Math.abs(after));
  return Number.isFinite(ratio) ? Math.min(1, ratio) : 1;
}

function topLevelCount(value: Plain): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === "object" && value !== null && !(value instanceof Date)) return Object.keys(value).length;
  return 1;
}

function editWeight(lhs: Plain, rhs: Plain): number {
  if (typeof lhs === "string" && typeof rhs === "string") return stringPercentage(lhs, rhs);
  if (typeof lhs === "number" && typeof rhs === "number") return numberPercentage(lhs, rhs);
  return 1;
}

/** Weighted deep-diff count over the larger top-level count, capped at 1 (API.md A). */
function structuralPercentage(before: Plain, after: Plain): number {
  let weight = 0;
  for (const record of deepDiff(before, after)) {
    if (record.kind === "A") weight += 0.5;
    else if (record.kind === "E") weight += editWeight(record.lhs, record.rhs);
    else weight += 1;
  }
  if (weight === 0) return 0;
  return Math.min(1, weight / Math.max(1, topLevelCount(before), topLevelCount(after)));
}

/**
 * How much changed between two snapshots, in [0, 1] (the edit's `confidence`):
 * strings by Levenshtein distance, numbers by relative difference, anything
 * else by weighted deep-diff records. Equal snapshots (including `null`,
 * `undefined`, `""`, `[]` against themselves) give 0.
 */
export function diffPercentage(before: unknown, after: unknown): number {
  if (Object.is(before, after)) return 0;
  if (typeof before === "string" && typeof after === "string") return stringPercentage(before, after);
  if (typeof before === "number" && typeof after === "number") return numberPercentage(before, after);
  if (typeof before === "bigint" && typeof after === "bigint") return numberPercentage(Number(before), Number(after));
  if (structuralEqual(before, after)) return 0;
  return structuralPercentage(toPlain(before), toPlain(after));
}
