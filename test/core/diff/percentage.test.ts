import { describe, expect, it } from "vitest";
import { diffPercentage } from "../../../src/core/diff";

describe("diff percentage", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["an empty string", ""],
    ["an empty array", []],
    ["zero", 0],
    ["an empty object", {}],
  ])("is 0 for %s against itself", (_name, value) => {
    expect(diffPercentage(value, value)).toBe(0);
    expect(diffPercentage(structuredClone(value), structuredClone(value))).toBe(0);
  });

  it("is the Levenshtein distance over the longer length for strings", () => {
    expect(diffPercentage("kitten", "sitting")).toBeCloseTo(3 / 7);
    expect(diffPercentage("abc", "abc")).toBe(0);
  });

  it("is 1 when one string is empty and the other is not", () => {
    expect(diffPercentage("", "hello")).toBe(1);
    expect(diffPercentage("hello", "")).toBe(1);
  });

  it("is the relative difference for numbers, capped at 1", () => {
    expect(diffPercentage(100, 90)).toBeCloseTo(0.1);
    expect(diffPercentage(-5, 5)).toBe(1);
    expect(diffPercentage(1, 1000)).toBeCloseTo(0.999);
  });

  it("is 1 when a number changes from 0", () => {
    expect(diffPercentage(0, 0.001)).toBe(1);
    expect(diffPercentage(0, -3)).toBe(1);
  });

  it("is 1 from null or undefined to a value", () => {
    expect(diffPercentage(null, "text")).toBe(1);
    expect(diffPercentage(undefined, { a: 1 })).toBe(1);
    expect(diffPercentage(null, undefined)).toBe(1);
  });

  it("weighs an added or deleted property 1 over the larger number of top-level properties", () => {
    expect(diffPercentage({ a: 1, b: 2 }, { a: 1, b: 2, c: 3 })).toBeCloseTo(1 / 3);
    expect(diffPercentage({ a: 1, b: 2, c: 3, d: 4 }, { a: 1, b: 2, c: 3 })).toBeCloseTo(1 / 4);
  });

  it("weighs an edited string or number by its own percentage", () => {
    expect(diffPercentage({ title: "abcd", n: 10 }, { title: "abce", n: 10 })).toBeCloseTo(0.25 / 2);
    expect(diffPercentage({ title: "x", n: 10 }, { title: "x", n: 5 })).toBeCloseTo(0.5 / 2);
  });

  it("weighs an added array item 0.5 over the array length", () => {
    expect(diffPercentage(["a", "b", "c"], ["a", "b", "c", "d"])).toBeCloseTo(0.5 / 4);
  });

  it("weighs other edits 1 and caps the total at 1", () => {
    expect(diffPercentage({ a: true }, { a: false })).toBe(1);
    expect(diffPercentage({ a: 1 }, { b: 2, c: 3 })).toBe(1);
  });

  it("ignores key order and sees no change in equal Maps, Sets and Dates", () => {
    expect(diffPercentage({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(0);
    expect(diffPercentage(new Map([["k", 1]]), new Map([["k", 1]]))).toBe(0);
    expect(diffPercentage(new Set([1, 2]), new Set([2, 1]))).toBe(0);
    expect(diffPercentage(new Date(5), new Date(5))).toBe(0);
  });

  it("measures BigInt and cyclic state without throwing", () => {
    expect(diffPercentage(10n, 5n)).toBeCloseTo(0.5);
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    const b: Record<string, unknown> = { name: "b" };
    b.self = b;
    expect(diffPercentage(a, b)).toBeCloseTo(0.5);
  });
});
