import type { Plain } from "./plain";

/** One difference between two snapshots, in the record shape of the `deep-diff` package. */
export interface DiffRecord {
  /** `N` new property, `D` deleted property, `E` edited value, `A` change to an array's items. */
  kind: "N" | "D" | "E" | "A";
  /** Keys and indices from the root to the change (`[]` for the root itself). */
  path: Array<string | number>;
  lhs?: Plain;
  rhs?: Plain;
  /** For `A`: the index of the array item added or removed. */
  index?: number;
  /** For `A`: what happened to that item. */
  item?: { kind: "N" | "D" | "E"; lhs?: Plain; rhs?: Plain };
}

export function isRecord(value: Plain): value is { [key: string]: Plain } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

const hasOwn = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/** Differences between two plain trees (see `toPlain`), in deep-diff's order and shape. */
export function deepDiff(lhs: Plain, rhs: Plain, path: Array<string | number> = [], out: DiffRecord[] = []): DiffRecord[] {
  if (Object.is(lhs, rhs)) return out;
  if (lhs === undefined) out.push({ kind: "N", path, rhs });
  else if (rhs === undefined) out.push({ kind: "D", path, lhs });
  else if (lhs instanceof Date && rhs instanceof Date) {
    if (!Object.is(lhs.getTime(), rhs.getTime())) out.push({ kind: "E", path, lhs, rhs });
  } else if (Array.isArray(lhs) && Array.isArray(rhs)) {
    const shared = Math.min(lhs.length, rhs.length);
    for (let i = lhs.length - 1; i >= shared; i--) out.push({ kind: "A", path, index: i, item: { kind: "D", lhs: lhs[i] } });
    for (let i = shared; i < rhs.length; i++) out.push({ kind: "A", path, index: i, item: { kind: "N", rhs: rhs[i] } });
    for (let i = 0; i < shared; i++) deepDiff(lhs[i], rhs[i], [...path, i], out);
  } else if (isRecord(lhs) && isRecord(rhs)) {
    for (const key of Object.keys(lhs)) {
      if (hasOwn(rhs, key)) deepDiff(lhs[key], rhs[key], [...path, key], out);
      else out.push({ kind: "D", path: [...path, key], lhs: lhs[key] });
    }
    for (const key of Object.keys(rhs)) if (!hasOwn(lhs, key)) out.push({ kind: "N", path: [...path, key], rhs: rhs[key] });
  } else out.push({ kind: "E", path, lhs, rhs });
  return out;
}
