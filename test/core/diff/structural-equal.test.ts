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
});
