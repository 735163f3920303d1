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
  try {
    return equal(a, b, { pairs: new Map(), journal: [] });
  } catch {
    return false;
  }
}

/**
 * Pairs taken as equal so far: a pair is entered before its members are
 * compared (so a cycle back to it holds), and kept once it proved equal (so
 * shared parts are compared once). A failed comparison only aborts the
 * whole walk, except when a Set or Map tries candidate partners: there the
 * pairs entered by a failed attempt are rolled back through the journal.
 */
interface Assumed {
  pairs: Map<object, Set<object>>;
  /** The pairs in the order they were entered, flat: a, b, a, b, ... */
  journal: object[];
}

const TYPED_ARRAY_PROTOTYPE: unknown = Object.getPrototypeOf(Uint8Array.prototype);
/** Compared by what `valueOf` returns: boxed primitives, and a Date's time. */
const VALUE_PROTOTYPES: unknown[] = [Date.prototype, Number.prototype, String.prototype, Boolean.prototype, BigInt.prototype, Symbol.prototype];

function equal(a: unknown, b: unknown, assumed: Assumed): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const proto: unknown = Object.getPrototypeOf(a);
  if (proto !== Object.getPrototypeOf(b)) return false;
  if (proto === null) return tracked(a, b, assumed, recordsEqual);

  // Leaves: compared by value, no members to recurse into.
  if (proto === RegExp.prototype) return String(a) === String(b);
  if (proto === DataView.prototype || Object.getPrototypeOf(proto) === TYPED_ARRAY_PROTOTYPE) return bytesEqual(a as ArrayBufferView, b as ArrayBufferView);
  if (proto === ArrayBuffer.prototype) return bytesEqual(new DataView(a as ArrayBuffer), new DataView(b as ArrayBuffer));
  if (VALUE_PROTOTYPES.includes(proto)) return Object.is((proto as { valueOf(): unknown }).valueOf.call(a), (proto as { valueOf(): unknown }).valueOf.call(b));

  // Containers. `Array.isArray(proto)` holds only for a realm's own Array.prototype, not a subclass's.
  const compare: ((a: never, b: never, assumed: Assumed) => boolean) | undefined = Array.isArray(proto)
    ? arraysEqual
    : Object.getPrototypeOf(proto) === null
      ? recordsEqual
      : proto === Map.prototype || proto === Set.prototype
        ? collectionsEqual
        : undefined;
  if (!compare) return false; // state we cannot see into: identity only, checked above
  return tracked(a, b, assumed, compare);
}

/** Compares two containers, taking the pair as equal while it is being compared (cycles) and after (shared parts). */
function tracked(a: object, b: object, assumed: Assumed, compare: (a: never, b: never, assumed: Assumed) => boolean): boolean {
  let partners = assumed.pairs.get(a);
  if (partners?.has(b)) return true;
  if (!partners) assumed.pairs.set(a, (partners = new Set()));
  partners.add(b);
  assumed.journal.push(a, b);
  return compare(a as never, b as never, assumed);
}

function arraysEqual(a: unknown[], b: unknown[], assumed: Assumed): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i], assumed)) return false;
  return true;
}

function recordsEqual(a: Record<string, unknown>, b: Record<string, unknown>, assumed: Assumed): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !equal(a[key], b[key], assumed)) return false;
  }
  return true;
}

/** Runs one tentative match; when it fails, forgets every pair it assumed equal. */
function attempt(assumed: Assumed, match: () => boolean): boolean {
  const mark = assumed.journal.length;
  if (match()) return true;
  const undone = assumed.journal.splice(mark);
  for (let i = 0; i < undone.length; i += 2) {
    const partners = assumed.pairs.get(undone[i]!)!;
    partners.delete(undone[i + 1]!);
    if (partners.size === 0) assumed.pairs.delete(undone[i]!);
  }
  return false;
}

/**
 * Maps and Sets (a Set's entries are `[item, item]`): an entry whose key the
 * other also has is compared in place; any other is paired with an unpaired
 * entry of the other whose key and value are equal in structure.
 */
function collectionsEqual(a: Map<unknown, unknown>, b: Map<unknown, unknown>, assumed: Assumed): boolean {
  if (a.size !== b.size) return false;
  const taken = new Set<unknown>();
  entries: for (const [key, value] of a.entries()) {
    if (b.has(key)) {
      if (b instanceof Map && !equal(value, b.get(key), assumed)) return false;
      continue;
    }
    for (const [otherKey, otherValue] of b.entries()) {
      if (a.has(otherKey) || taken.has(otherKey)) continue;
      if (attempt(assumed, () => equal(key, otherKey, assumed) && equal(value, otherValue, assumed))) {
        taken.add(otherKey);
        continue entries;
      }
    }
    return false;
  }
  return true;
}

function bytesEqual(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
