import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffLines, formatGitLines, MAX_LINE_EDITS } from "../../../src/core/diff/line-diff";

const lines = fc.array(fc.constantFrom("alpha", "beta", "gamma", "delta", "", "}"), { maxLength: 60 });

/** Length of the longest common subsequence, by dynamic programming (the slow, obvious way). */
function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const lineA of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = lineA === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

describe("line diff", () => {
  it("rebuilds both texts from its operations and keeps the fewest lines changed", () => {
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const ops = diffLines(before, after);
        expect(ops.filter((op) => op.op !== "+").map((op) => op.line)).toEqual(before);
        expect(ops.filter((op) => op.op !== "-").map((op) => op.line)).toEqual(after);
        expect(ops.filter((op) => op.op === "=").length).toBe(lcsLength(before, after));
      }),
      { numRuns: 300 },
    );
  });

  it("still gives a correct diff of a rewrite too large for a minimal one", () => {
    const before = Array.from({ length: MAX_LINE_EDITS }, (_, i) => `old line ${i}`);
    const after = Array.from({ length: MAX_LINE_EDITS }, (_, i) => `new line ${i}`);
    const ops = diffLines(["head", ...before, "tail"], ["head", ...after, "tail"]);
    expect(ops.filter((op) => op.op !== "+").map((op) => op.line)).toEqual(["head", ...before, "tail"]);
    expect(ops.filter((op) => op.op !== "-").map((op) => op.line)).toEqual(["head", ...after, "tail"]);
    expect(formatGitLines(ops).split("\n")).toHaveLength(2 * MAX_LINE_EDITS);
  });
});
