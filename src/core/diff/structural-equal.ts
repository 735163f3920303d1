/**
 * Deep equality for state snapshots: `Object.is` first, then a structural
 * walk that ignores key order and understands arrays, plain objects, `Map`,
 * `Set`, `Date`, `RegExp`, typed arrays and `DataView`, BigInt (by value) and
 * cycles (a pair already being compared is taken as equal). Never throws and
 * never stringifies.
 */
export function structuralEqual(a: unknown, b: unknown): boolean {
  return equal(a, b, new Map());
}

type Seen = Map<object, Set<object>>;

function equal(a: unknown, b: unknown, seen: Seen): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;

  let partners = seen.get(a);
  if (partners?.has(b)) return true;
  if (!partners) seen.set(a, (partners = new Set()));
  partners.add(b);

  if (a instanceof Date) return Object.is(a.getTime(), (b as Date).getTime());
  if (a instanceof RegExp) return String(a) === String(b);
  if (ArrayBuffer.isView(a)) return bytesEqual(a, b as ArrayBufferView);
  if (a instanceof ArrayBuffer) return bytesEqual(new DataView(a), new DataView(b as ArrayBuffer));
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], other[i], seen)) return false;
    return true;
  }
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    if (a.size !== other.size) return false;
    for (const [key, value] of a) {
      if (other.has(key)) {
        if (!equal(value, other.get(key), seen)) return false;
        continue;
      }
      // An object key equal in structure but not in identity.
      let found = false;
      for (const [otherKey, otherValue] of other) {
        if (!a.has(otherKey) && equal(key, otherKey, seen) && equal(value, otherValue, seen)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    if (a.size !== other.size) return false;
    for (const item of a) {
      if (other.has(item)) continue;
      if (typeof item !== "object" || item === null) return false;
      let found = false;
      for (const otherItem of other) {
        if (!a.has(otherItem) && equal(item, otherItem, seen)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], seen)) return false;
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
