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

/** Differences between two plain trees (see `toPlain`), in deep-diff's order and shape. */
export function deepDiff(lhs: Plain, rhs: Plain): DiffRecord[] {
  const out: DiffRecord[] = [];
  const add = (kind: DiffRecord["kind"], path: DiffRecord["path"], fields: Partial<DiffRecord>) => out.push({ kind, path, ...fields });
  const walk = (lhs: Plain, rhs: Plain, path: DiffRecord["path"]): unknown => {
    if (Object.is(lhs, rhs)) return;
    if (lhs === undefined) return add("N", path, { rhs });
    if (rhs === undefined) return add("D", path, { lhs });
    if (lhs instanceof Date && rhs instanceof Date) return Object.is(lhs.getTime(), rhs.getTime()) || add("E", path, { lhs, rhs });
    if (Array.isArray(lhs) && Array.isArray(rhs)) {
      const shared = Math.min(lhs.length, rhs.length);
      for (let i = lhs.length - 1; i >= shared; i--) add("A", path, { index: i, item: { kind: "D", lhs: lhs[i] } });
      for (let i = shared; i < rhs.length; i++) add("A", path, { index: i, item: { kind: "N", rhs: rhs[i] } });
      for (let i = 0; i < shared; i++) walk(lhs[i], rhs[i], [...path, i]);
      return;
    }
    if (!isRecord(lhs) || !isRecord(rhs)) return add("E", path, { lhs, rhs });
    for (const key of Object.keys(lhs)) {
      if (Object.hasOwn(rhs, key)) walk(lhs[key], rhs[key], [...path, key]);
      else add("D", [...path, key], { lhs: lhs[key] });
    }
    for (const key of Object.keys(rhs)) if (!Object.hasOwn(lhs, key)) add("N", [...path, key], { rhs: rhs[key] });
  };
  walk(lhs, rhs, []);
  return out;
}
