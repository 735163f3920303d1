import { describe, expect, it } from "vitest";
import { formatDiff } from "../../../src/core/diff";

const paragraph = (seed: number) =>
  Array.from({ length: 40 }, (_, i) => `Line ${i} of answer ${seed}: the refund policy allows returns within thirty days.`).join("\n");

describe('the "git" diff value', () => {
  it("shows only the removed and added lines of a text, no headers or context", () => {
    const before = "first line\nsecond line\nthird line";
    const after = "first line\nsecond line, edited\nthird line";
    expect(formatDiff(before, after, "git")).toBe("-second line\n+second line, edited");
  });

  it("diffs a string's own lines, not its one-line JSON", () => {
    const value = formatDiff(paragraph(1), paragraph(1).replace("Line 20 of", "Row 20 of"), "git");
    expect(value).toBe("-Line 20 of answer 1: the refund policy allows returns within thirty days.\n+Row 20 of answer 1: the refund policy allows returns within thirty days.");
    expect(value).not.toContain("\\n");
  });

  it("diffs the pretty-printed JSON of other state", () => {
    const value = formatDiff({ title: "Draft", tags: ["a"] }, { title: "Final", tags: ["a"] }, "git");
    expect(value).toBe('-  "title": "Draft",\n+  "title": "Final",');
  });

  it("reports added and removed lines in order", () => {
    expect(formatDiff("a\nb\nc\nd", "a\nc\nd\ne", "git")).toBe("-b\n+e");
    expect(formatDiff("", "new text", "git")).toBe("+new text");
    expect(formatDiff(null, "new text", "git")).toBe("+new text");
  });

  it("keeps a small edit in a 100,000-character single-line document under 2 KB, showing the edit", () => {
    const text = "word ".repeat(20_000);
    const edited = `${text.slice(0, 50_000)}FIXED TYPO${text.slice(50_010)}`;
    const value = formatDiff(text, edited, "git");
    expect(value.length).toBeLessThan(2048);
    expect(value).toContain("FIXED TYPO");
    expect(value).toMatch(/^-…\[\d+ chars\]…/);
    expect(value.split("\n")).toHaveLength(2);
  });

  it("keeps a small edit in a long line of a string inside an object under 2 KB", () => {
    const body = "lorem ipsum ".repeat(5000);
    const value = formatDiff({ body }, { body: body.replace("ipsum lorem", "ipsum LOREM") }, "git");
    expect(value.length).toBeLessThan(2048);
    expect(value).toContain("LOREM");
  });

  it("never splits an emoji when cutting a long line", () => {
    const text = "😀".repeat(30_000);
    const value = formatDiff(text, `${text.slice(0, 30_000)}x${text.slice(30_000)}`, "git");
    expect(value).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('the "object" diff value', () => {
  it("lists deep-diff records with kind, path, lhs, rhs, index and item", () => {
    const records = JSON.parse(formatDiff({ a: 1, b: "x", list: [1] }, { a: 2, list: [1, 2], c: true }, "object"));
    expect(records).toEqual([
      { kind: "E", path: ["a"], lhs: 1, rhs: 2 },
      { kind: "D", path: ["b"], lhs: "x" },
      { kind: "A", path: ["list"], index: 1, item: { kind: "N", rhs: 2 } },
      { kind: "N", path: ["c"], rhs: true },
    ]);
  });

  it("is pretty-printed JSON", () => {
    expect(formatDiff({ a: 1 }, { a: 2 }, "object")).toContain('\n  {\n    "kind": "E"');
  });
});

describe('the "json" diff value', () => {
  it("is the pretty JSON of before and after", () => {
    expect(formatDiff({ a: 1 }, { a: 2 }, "json")).toBe(JSON.stringify({ before: { a: 1 }, after: { a: 2 } }, null, 2));
  });

  it("prints Maps, Sets, BigInt and cycles instead of throwing", () => {
    const cyclic: Record<string, unknown> = { n: 1n };
    cyclic.self = cyclic;
    const value = JSON.parse(formatDiff(new Map([["k", new Set([1])]]), cyclic, "json"));
    expect(value).toEqual({ before: { k: [1] }, after: { n: "1", self: "[Circular]" } });
  });
});
