import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { structuralEqual } from "../../../src/core/diff";

/**
 * The oracle: a canonical string for an acyclic value, written without
 * looking at the implementation. Object keys are sorted, Map entries and Set
 * members are sorted by their own canonical strings (multisets), and
 * anything whose state is hidden (class instances, URL, Error, Promise,
 * WeakMap) is named by its identity. Two values are equal when their
 * canonical strings are.
 */
function canonical(value: unknown, identities: Map<unknown, number>): string {
  const identity = () => {
    if (!identities.has(value)) identities.set(value, identities.size);
    return `#${identities.get(value)}`;
  };
  switch (typeof value) {
    case "number":
      return Object.is(value, -0) ? "n:-0" : `n:${value}`;
    case "string":
      return `s:${JSON.stringify(value)}`;
    case "boolean":
    case "bigint":
    case "undefined":
      return `${typeof value}:${String(value)}`;
    case "function":
    case "symbol":
      return identity();
  }
  if (value === null) return "null";
  const proto = Object.getPrototypeOf(value);
  const inner = (item: unknown) => canonical(item, identities);
  if (proto === Array.prototype) return `[${(value as unknown[]).map(inner).join(",")}]`;
  if (proto === Object.prototype || proto === null) {
    const record = value as Record<string, unknown>;
    const fields = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${inner(record[key])}`);
    return `${proto === null ? "null-proto" : ""}{${fields.join(",")}}`;
  }
  if (proto === Map.prototype) {
    const entries = Array.from(value as Map<unknown, unknown>, ([key, item]) => `${inner(key)}=>${inner(item)}`).sort();
    return `Map{${entries.join(",")}}`;
  }
  if (proto === Set.prototype) return `Set{${Array.from(value as Set<unknown>, inner).sort().join(",")}}`;
  if (proto === Date.prototype) return `Date:${(value as Date).getTime()}`;
  if (proto === RegExp.prototype) return `RegExp:${String(value)}`;
  if (proto === Number.prototype || proto === String.prototype) return `Boxed:${inner((value as { valueOf(): unknown }).valueOf())}`;
  if (value instanceof DataView) return `DataView:${Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))}`;
  if (value instanceof Uint8Array || value instanceof Int16Array) return `${value.constructor.name}:${Array.from(value)}`;
  return identity();
}

const oracleEqual = (a: unknown, b: unknown) => {
  const identities = new Map<unknown, number>();
  return canonical(a, identities) === canonical(b, identities);
};

class Secret {
  readonly #value: number;
  constructor(value: number) {
    this.#value = value;
  }
  get value() {
    return this.#value;
  }
}

/** Values with state the walk cannot see, shared by both sides of a pair: equal only to themselves. */
const OPAQUE = [new URL("https://a.example/"), new URL("https://b.example/"), new Secret(1), new Secret(2), new WeakMap(), Promise.resolve(1), new Error("x"), () => 1];

/** A description of a value, built into fresh objects as many times as needed. */
type Spec =
  | { t: "primitive"; v: unknown }
  | { t: "array"; items: Spec[] }
  | { t: "object"; entries: [string, Spec][]; nullProto: boolean }
  | { t: "map"; entries: [Spec, Spec][] }
  | { t: "set"; items: Spec[] }
  | { t: "date"; ms: number }
  | { t: "bytes"; view: "u8" | "i16" | "dataview"; bytes: number[] }
  | { t: "boxed"; v: number | string }
  | { t: "regexp"; source: string; flags: string }
  | { t: "opaque"; index: number }
  /** The same object each time it occurs within one built value (a DAG): what the pair cache must get right. */
  | { t: "shared"; id: number; of: Spec };

const primitive = fc.constantFrom<unknown>(0, -0, 1, 2, NaN, "a", "b", "", true, false, null, undefined, 1n, 2n);
const key = fc.constantFrom("a", "b", "c");

const { spec } = fc.letrec<{ spec: Spec; container: Spec }>((tie) => ({
  spec: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ t: fc.constant("primitive" as const), v: primitive }),
    fc.record({ t: fc.constant("opaque" as const), index: fc.nat({ max: OPAQUE.length - 1 }) }),
    fc.record({ t: fc.constant("date" as const), ms: fc.constantFrom(0, 1000, NaN) }),
    fc.record({ t: fc.constant("boxed" as const), v: fc.constantFrom<number | string>(1, 2, "a") }),
    fc.record({ t: fc.constant("regexp" as const), source: fc.constantFrom("a", "b"), flags: fc.constantFrom("", "g") }),
    fc.record({ t: fc.constant("bytes" as const), view: fc.constantFrom("u8" as const, "i16" as const, "dataview" as const), bytes: fc.array(fc.nat({ max: 2 }), { maxLength: 4 }) }),
    tie("container"),
  ),
  container: fc.oneof(
    fc.record({ t: fc.constant("array" as const), items: fc.array(tie("spec"), { maxLength: 3 }) }),
    fc.record({ t: fc.constant("object" as const), entries: fc.array(fc.tuple(key, tie("spec")), { maxLength: 3 }), nullProto: fc.boolean() }),
    fc.record({ t: fc.constant("map" as const), entries: fc.array(fc.tuple(tie("spec"), tie("spec")), { maxLength: 3 }) }),
    fc.record({ t: fc.constant("set" as const), items: fc.array(tie("spec"), { maxLength: 3 }) }),
    fc.record({ t: fc.constant("shared" as const), id: fc.nat({ max: 1 }), of: tie("container") }),
  ),
}));

function build(root: Spec): unknown {
  const shared = new Map<number, unknown>();
  const make = (node: Spec): unknown => {
    switch (node.t) {
      case "primitive":
        return node.v;
      case "opaque":
        return OPAQUE[node.index];
      case "date":
        return new Date(node.ms);
      case "boxed":
        return Object(node.v);
      case "regexp":
        return new RegExp(node.source, node.flags);
      case "bytes": {
        if (node.view === "i16") return new Int16Array(node.bytes);
        const bytes = new Uint8Array(node.bytes);
        return node.view === "u8" ? bytes : new DataView(bytes.buffer);
      }
      case "array":
        return node.items.map(make);
      case "object": {
        const record: Record<string, unknown> = node.nullProto ? Object.create(null) : {};
        for (const [name, item] of node.entries) record[name] = make(item);
        return record;
      }
      case "map":
        return new Map(node.entries.map(([k, v]) => [make(k), make(v)]));
      case "set":
        return new Set(node.items.map(make));
      case "shared": {
        if (!shared.has(node.id)) shared.set(node.id, make(node.of));
        return shared.get(node.id);
      }
    }
  };
  return make(root);
}

/** The spec with its `index`-th node (in pre-order) replaced; unchanged when it has fewer nodes. */
function replaceAt(root: Spec, index: number, replacement: Spec): Spec {
  let position = -1;
  const visit = (node: Spec): Spec => {
    position += 1;
    if (position === index) return replacement;
    switch (node.t) {
      case "array":
        return { ...node, items: node.items.map(visit) };
      case "set":
        return { ...node, items: node.items.map(visit) };
      case "object":
        return { ...node, entries: node.entries.map(([k, v]) => [k, visit(v)] as [string, Spec]) };
      case "map":
        return { ...node, entries: node.entries.map(([k, v]) => [visit(k), visit(v)] as [Spec, Spec]) };
      case "shared":
        return { ...node, of: visit(node.of) };
      default:
        return node;
    }
  };
  return visit(root);
}

/** The same spec with the entries of every object, Map and Set listed in reverse: equal by definition. */
function reordered(node: Spec): Spec {
  switch (node.t) {
    case "array":
      return { ...node, items: node.items.map(reordered) };
    case "set":
      return { ...node, items: node.items.map(reordered).reverse() };
    case "object":
      return { ...node, entries: node.entries.map(([k, v]) => [k, reordered(v)] as [string, Spec]).reverse() };
    case "map":
      return { ...node, entries: node.entries.map(([k, v]) => [reordered(k), reordered(v)] as [Spec, Spec]).reverse() };
    case "shared":
      return { ...node, of: reordered(node.of) };
    default:
      return node;
  }
}

const NUM_RUNS = 3000;

describe("structural equality agrees with an independent canonical-form oracle", () => {
  it("says two values built from one description are equal, whatever the order of their keys and members", () => {
    fc.assert(
      fc.property(spec, (description) => {
        const a = build(description);
        const b = build(reordered(description));
        // Reversing the members of a Map whose keys collide changes which value wins: the oracle decides.
        expect(structuralEqual(a, b)).toBe(oracleEqual(a, b));
        expect(structuralEqual(a, build(description))).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("agrees with the oracle on a value and a copy with one part replaced", () => {
    fc.assert(
      fc.property(spec, fc.nat(), spec, (description, at, replacement) => {
        const a = build(description);
        const b = build(replaceAt(description, at % 8, replacement));
        const expected = oracleEqual(a, b);
        expect(structuralEqual(a, b)).toBe(expected);
        expect(structuralEqual(b, a)).toBe(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("agrees with the oracle on two unrelated values", () => {
    fc.assert(
      fc.property(spec, spec, (first, second) => {
        const a = build(first);
        const b = build(second);
        expect(structuralEqual(a, b)).toBe(oracleEqual(a, b));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe("binary data is equal exactly when the bytes it spans are", () => {
  /** A buffer, or a view over part of a larger one, with what it spans written out by hand (bytes of 0 and 1, so equal spans are common). */
  const binary = fc
    .tuple(fc.array(fc.constantFrom(0, 1), { maxLength: 6 }).map((bits) => Uint8Array.from(bits)), fc.nat(6), fc.nat(6), fc.constantFrom("buffer", "u8", "dataview", "u16"))
    .map(([bytes, i, j, kind]) => {
      const from = Math.min(i, j, bytes.length);
      let to = Math.min(Math.max(i, j), bytes.length);
      if (kind === "u16") to = from + (((to - from) >> 1) << 1);
      const spanned = Array.from(bytes.slice(kind === "buffer" ? 0 : from, kind === "buffer" ? bytes.length : to));
      const copy = new Uint8Array(bytes).buffer;
      const value =
        kind === "buffer" ? copy
        : kind === "u8" ? new Uint8Array(copy, from, to - from)
        : kind === "dataview" ? new DataView(copy, from, to - from)
        : new Uint16Array(copy.slice(from, to));
      return { kind, value, spanned: spanned.join(",") };
    });

  it("compares a buffer, a typed array or a DataView over a slice by the bytes it spans", () => {
    fc.assert(
      fc.property(binary, binary, (a, b) => {
        expect(structuralEqual(a.value, b.value)).toBe(a.kind === b.kind && a.spanned === b.spanned);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
