/** A state snapshot reduced to what JSON can say (plus `Date` and `bigint` kept as values until printed). */
export type Plain = null | undefined | boolean | number | string | bigint | Date | Plain[] | { [key: string]: Plain };

const CIRCULAR = "[Circular]";

/**
 * Copies `value` into a plain tree: `Map` becomes an object of its entries,
 * `Set` and typed arrays become arrays, objects with `toJSON` are replaced
 * by its result, functions and symbols become `undefined`, and a reference
 * back to an ancestor becomes `"[Circular]"`. Never throws.
 */
export function toPlain(value: unknown): Plain {
  return convert(value, new Set());
}

function convert(value: unknown, ancestors: Set<object>): Plain {
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
    case "bigint":
    case "undefined":
      return value;
    case "function":
    case "symbol":
      return undefined;
  }
  if (value === null) return null;
  const object = value as object;
  if (object instanceof Date) return object;
  if (ancestors.has(object)) return CIRCULAR;
  ancestors.add(object);
  try {
    if (Array.isArray(object)) return object.map((item) => convert(item, ancestors));
    if (object instanceof Map) {
      const entries: { [key: string]: Plain } = {};
      for (const [key, item] of object) entries[typeof key === "string" ? key : safeString(key)] = convert(item, ancestors);
      return entries;
    }
    if (object instanceof Set) return Array.from(object, (item) => convert(item, ancestors));
    if (ArrayBuffer.isView(object)) {
      return object instanceof DataView ? Array.from(new Uint8Array(object.buffer, object.byteOffset, object.byteLength)) : Array.from(object as unknown as ArrayLike<number | bigint>);
    }
    if (typeof (object as { toJSON?: unknown }).toJSON === "function") {
      try {
        return convert((object as { toJSON: () => unknown }).toJSON(), ancestors);
      } catch {
        return safeString(object);
      }
    }
    const copy: { [key: string]: Plain } = {};
    for (const key of Object.keys(object)) {
      let item: unknown;
      try {
        item = (object as Record<string, unknown>)[key];
      } catch {
        item = undefined; // a throwing getter
      }
      copy[key] = convert(item, ancestors);
    }
    return copy;
  } finally {
    ancestors.delete(object);
  }
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** `JSON.stringify(value, null, 2)` that prints BigInt as a string and never throws. */
export function prettyJson(value: unknown): string {
  const text = JSON.stringify(toPlain(value), (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item), 2);
  return text ?? "undefined";
}
