/** A state snapshot reduced to what JSON can say (plus `Date` and `bigint` kept as values until printed). */
export type Plain = null | undefined | boolean | number | string | bigint | Date | Plain[] | { [key: string]: Plain };

/**
 * Copies `value` into a plain tree: `Map` becomes an object of its entries,
 * `Set` and typed arrays become arrays, objects with `toJSON` are replaced
 * by its result, functions and symbols become `undefined`, and a reference
 * back to an ancestor becomes `"[Circular]"`. Never throws.
 */
export function toPlain(value: unknown, ancestors = new Set<object>()): Plain {
  if (typeof value === "function" || typeof value === "symbol") return undefined;
  if (!value || typeof value !== "object" || value instanceof Date) return value as Plain;
  if (ancestors.has(value)) return "[Circular]";
  ancestors.add(value);
  const inner = (item: unknown) => toPlain(item, ancestors);
  const object = value as Record<string, unknown>;
  const copy: { [key: string]: Plain } = {};
  try {
    if (Array.isArray(value)) return value.map(inner);
    if (value instanceof Set) return Array.from(value, inner);
    if (ArrayBuffer.isView(value)) return Array.from(value instanceof DataView ? bytesOf(value) : (value as unknown as ArrayLike<number | bigint>));
    if (value instanceof Map) for (const [key, item] of value) copy[safeString(key)] = inner(item);
    else if (typeof object.toJSON === "function") {
      try {
        return inner(object.toJSON());
      } catch {
        return safeString(value);
      }
    } else {
      for (const key of Object.keys(value)) {
        let item: unknown;
        try {
          item = object[key];
        } catch {
          // a throwing getter: undefined
        }
        copy[key] = inner(item);
      }
    }
    return copy;
  } finally {
    ancestors.delete(value);
  }
}

/** The bytes an `ArrayBuffer`, a typed array or a `DataView` spans (a buffer has no `buffer`, and offset `undefined` is 0). */
export const bytesOf = (source: ArrayBuffer | ArrayBufferView) =>
  new Uint8Array((source as ArrayBufferView).buffer ?? source, (source as ArrayBufferView).byteOffset, source.byteLength);

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** `JSON.stringify(toPlain(value), null, 2)` that prints BigInt as a string and never throws. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(toPlain(value), (_key, item: unknown) => (typeof item === "bigint" ? String(item) : item), 2) ?? "undefined";
}
