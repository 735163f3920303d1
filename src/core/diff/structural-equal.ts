import { bytesOf } from "./plain";

/**
 * Deep equality for state snapshots, never true unless the two are equal:
 * `Object.is` first, then a structural walk over what it understands
 * (arrays, plain and null-prototype objects by their own enumerable string
 * keys in any order, `Map`, `Set`, `Date`, `RegExp`, typed arrays,
 * `DataView`, `ArrayBuffer`, boxed primitives). Anything else (class
 * instances, `URL`, `Error`, `Promise`, `WeakMap`, subclasses of the above,
 * functions) hides state it cannot see, so it is equal only to itself.
 * Cycles are handled; never throws (a throwing getter or proxy counts as a
 * difference) and never stringifies.
 */
export function structuralEqual(a: unknown, b: unknown): boolean {
  /**
   * Pairs taken as equal so far: a pair is entered before its members are
   * compared (so a cycle back to it holds), and kept once it proved equal (so
   * shared parts are compared once). A failed comparison only aborts the
   * whole walk, except when a Set or Map tries candidate partners: there the
   * pairs entered by a failed attempt are rolled back through the journal.
   */
  const assumed = new Map<object, Set<object>>();
  /** The pairs in the order they were entered, flat: a, b, a, b, ... */
  const journal: object[] = [];

  const equal = (a: any, b: any): boolean => {
    if (Object.is(a, b)) return true;
    if (typeof a !== "object" || typeof b !== "object" || !a || !b) return false;
    const proto = Object.getPrototypeOf(a);
    if (proto !== Object.getPrototypeOf(b)) return false;
    const parent = proto && Object.getPrototypeOf(proto);

    // Leaves: compared by value, no members to recurse into.
    if (proto === RegExp.prototype) return String(a) === String(b);
    if (proto === ArrayBuffer.prototype || proto === DataView.prototype || parent === TYPED_ARRAY_PROTOTYPE) return arrays(bytesOf(a), bytesOf(b));
    if (VALUE_PROTOTYPES.includes(proto)) return Object.is(proto.valueOf.call(a), proto.valueOf.call(b));

    // Containers. `Array.isArray(proto)` holds only for a realm's own Array.prototype, not a subclass's.
    const compare =
      parent === null ? records
      : Array.isArray(proto) ? arrays
      : proto === Map.prototype || proto === Set.prototype ? collections
      : undefined;
    if (!compare) return false; // state we cannot see into: identity only, checked above
    // The pair counts as equal while it is compared (cycles) and after (shared parts).
    let partners = assumed.get(a);
    if (partners?.has(b)) return true;
    assumed.set(a, (partners ?? new Set()).add(b));
    journal.push(a, b);
    return compare(a, b);
  };

  // By index: a hole is `undefined`, as in the other array.
  const arrays = (a: ArrayLike<unknown>, b: ArrayLike<unknown>) => a.length === b.length && Array.from(a).every((item, i) => equal(item, b[i]));

  const records = (a: Record<string, unknown>, b: Record<string, unknown>) => {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && equal(a[key], b[key]));
  };

  /** Runs one tentative match; when it fails, forgets every pair it assumed equal. */
  const attempt = (match: () => boolean) => {
    const mark = journal.length;
    if (match()) return true;
    const undone = journal.splice(mark);
    for (let i = 0; i < undone.length; i += 2) assumed.get(undone[i]!)!.delete(undone[i + 1]!);
    return false;
  };

  /**
   * Maps and Sets (a Set's entries are `[item, item]`): an entry whose key the
   * other also has is compared in place; any other is paired with an unpaired
   * entry of the other whose key and value are equal in structure.
   */
  const collections = (a: Map<unknown, unknown>, b: Map<unknown, unknown>) => {
    /** Keys of `b` already paired with a key of `a` that `b` lacks. */
    const taken = new Set<unknown>();
    return (
      a.size === b.size &&
      [...a.entries()].every(([key, value]) =>
        b.has(key)
          ? !(b instanceof Map) || equal(value, b.get(key))
          : [...b.entries()].some(
              ([otherKey, otherValue]) =>
                !a.has(otherKey) && !taken.has(otherKey) && attempt(() => equal(key, otherKey) && equal(value, otherValue)) && taken.add(otherKey),
            ),
      )
    );
  };

  try {
    return equal(a, b);
  } catch {
    return false;
  }
}

const TYPED_ARRAY_PROTOTYPE: unknown = Object.getPrototypeOf(Uint8Array.prototype);
/** Compared by what `valueOf` returns: boxed primitives, and a Date's time. */
const VALUE_PROTOTYPES: unknown[] = [Date.prototype, Number.prototype, String.prototype, Boolean.prototype, BigInt.prototype, Symbol.prototype];
