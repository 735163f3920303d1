import { describe, expect, it } from "vitest";
import { structuralEqual } from "../../../src/core/diff";

describe("structural equality of state", () => {
  it("ignores key order", () => {
    expect(structuralEqual({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
  });

  it("tells apart objects that differ deep inside", () => {
    expect(structuralEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(structuralEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(structuralEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });

  it("understands Maps, Sets, Dates, typed arrays and BigInt", () => {
    expect(structuralEqual(new Map([["a", { x: 1 }]]), new Map([["a", { x: 1 }]]))).toBe(true);
    expect(structuralEqual(new Map([["a", 1]]), new Map([["a", 2]]))).toBe(false);
    expect(structuralEqual(new Set([{ id: 1 }, 2]), new Set([2, { id: 1 }]))).toBe(true);
    expect(structuralEqual(new Set([1]), new Set([2]))).toBe(false);
    expect(structuralEqual(new Date(1000), new Date(1000))).toBe(true);
    expect(structuralEqual(new Date(1000), new Date(2000))).toBe(false);
    expect(structuralEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(structuralEqual(new Float64Array([1]), new Float64Array([2]))).toBe(false);
    expect(structuralEqual({ n: 10n ** 30n }, { n: 10n ** 30n })).toBe(true);
    expect(structuralEqual(1n, 2n)).toBe(false);
  });

  it("compares cyclic state without throwing", () => {
    const a: Record<string, unknown> = { v: 1 };
    a.self = a;
    const b: Record<string, unknown> = { v: 1 };
    b.self = b;
    const c: Record<string, unknown> = { v: 2 };
    c.self = c;
    expect(structuralEqual(a, b)).toBe(true);
    expect(structuralEqual(a, c)).toBe(false);
  });

  it("treats NaN as equal to itself", () => {
    expect(structuralEqual({ x: NaN }, { x: NaN })).toBe(true);
  });

  it("does not let a Set member tried against the wrong partner pass as equal later on", () => {
    const [a1, a2] = [{ n: 1 }, { n: 2 }];
    const [b1, b2] = [{ n: 1 }, { n: 2 }];
    // Matching the Sets tries a1 against b2 first; the later direct comparison of a1 and b2 must still fail.
    expect(structuralEqual({ members: new Set([a1, a2]), first: a1 }, { members: new Set([b2, b1]), first: b2 })).toBe(false);
  });

  it("does not let a Map key tried against the wrong partner pass as equal later on", () => {
    const [a1, a2] = [{ n: 1 }, { n: 2 }];
    const [b1, b2] = [{ n: 1 }, { n: 2 }];
    const a = { byKey: new Map([[a1, "x"], [a2, "y"]]), first: a1 };
    const b = { byKey: new Map([[b2, "y"], [b1, "x"]]), first: b2 };
    expect(structuralEqual(a, b)).toBe(false);
  });

  it("pairs each Set member with its own partner: two equal members do not both match one", () => {
    expect(structuralEqual(new Set([{ n: 1 }, { n: 1 }]), new Set([{ n: 1 }, { n: 2 }]))).toBe(false);
    expect(structuralEqual(new Map([[{ k: 1 }, 1], [{ k: 1 }, 1]]), new Map([[{ k: 1 }, 1], [{ k: 2 }, 1]]))).toBe(false);
    expect(structuralEqual(new Set([{ n: 1 }, { n: 1 }]), new Set([{ n: 1 }, { n: 1 }]))).toBe(true);
  });

  it("tells apart two different URLs, class instances with private state, errors and promises", () => {
    class Account {
      readonly #balance: number;
      constructor(balance: number) {
        this.#balance = balance;
      }
      get balance() {
        return this.#balance;
      }
    }
    expect(structuralEqual(new URL("https://a.example/one"), new URL("https://a.example/two"))).toBe(false);
    expect(structuralEqual({ link: new URL("https://a.example/") }, { link: new URL("https://a.example/") })).toBe(false);
    expect(structuralEqual(new Account(10), new Account(20))).toBe(false);
    expect(structuralEqual(new WeakMap(), new WeakMap())).toBe(false);
    expect(structuralEqual(Promise.resolve(1), Promise.resolve(2))).toBe(false);
    expect(structuralEqual(new Error("a"), new Error("b"))).toBe(false);
    expect(structuralEqual({ f: () => 1 }, { f: () => 1 })).toBe(false);
  });

  it("compares what it cannot see into by identity", () => {
    const url = new URL("https://a.example/");
    const account = new (class Account {})();
    expect(structuralEqual({ url, account }, { url, account })).toBe(true);
    class Tags extends Set<string> {}
    expect(structuralEqual(new Tags(["a"]), new Tags(["a"]))).toBe(false);
  });

  it("understands boxed primitives, regular expressions, DataViews, ArrayBuffers and null-prototype objects", () => {
    expect(structuralEqual(Object(1), Object(2))).toBe(false);
    expect(structuralEqual(Object("a"), Object("a"))).toBe(true);
    expect(structuralEqual(/a/g, /a/g)).toBe(true);
    expect(structuralEqual(/a/g, /a/i)).toBe(false);
    expect(structuralEqual(new DataView(new Uint8Array([1]).buffer), new DataView(new Uint8Array([2]).buffer))).toBe(false);
    expect(structuralEqual(new Uint8Array([1]).buffer, new Uint8Array([1]).buffer)).toBe(true);
    const bare = (value: number) => Object.assign(Object.create(null), { value });
    expect(structuralEqual(bare(1), bare(1))).toBe(true);
    expect(structuralEqual(bare(1), bare(2))).toBe(false);
    expect(structuralEqual(bare(1), { value: 1 })).toBe(false);
  });

  it("compares cyclic Sets and Maps, and treats a throwing getter as a difference", () => {
    const cyclic = (n: number) => {
      const node: { n: number; peers: Set<unknown> } = { n, peers: new Set() };
      node.peers.add(node);
      return node;
    };
    expect(structuralEqual(cyclic(1), cyclic(1))).toBe(true);
    expect(structuralEqual(cyclic(1), cyclic(2))).toBe(false);
    const throwing = Object.defineProperty({}, "x", { enumerable: true, get: () => { throw new Error("no"); } });
    expect(structuralEqual(throwing, { x: 1 })).toBe(false);
  });
});
