import fc from "fast-check";
import levenshteinReference from "fast-levenshtein";
import { describe, expect, it } from "vitest";
import { EXACT_WORK_BUDGET_PAIRS, levenshtein } from "../../../src/core/diff/levenshtein";

// A small alphabet makes matches (and so interesting distances) likely; astral characters are two UTF-16 units.
const unit = fc.constantFrom("a", "b", "c", "d", " ", "\n", "é", "😀", "👍🏽", "𝒳", "\u{1F600}".slice(0, 1));
const smallString = fc.string({ unit, maxLength: 120 });

// fc.string counts units, and a unit here is 1 to 4 UTF-16 code units. These caps keep every pair
// within EXACT_WORK_BUDGET_PAIRS (4,000 × 4,000 for two texts; 3,000 × (3,000 + 12 edits × 160)
// for a text and its edited copy), so the exact path is what is compared. Beyond the budget the
// estimate is used, the property fails, and shrinking strings that long takes many minutes.
const MAX_LONG_UNITS = 1000;
const MAX_EDITED_UNITS = 750;

/** A long string and a copy with a few random edits, like a user touching up a long AI answer. */
const longPair = fc
  .tuple(
    fc.string({ unit, minLength: 400, maxLength: MAX_EDITED_UNITS }),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ unit, maxLength: 40 })), { minLength: 1, maxLength: 12 }),
  )
  .map(([text, edits]) => {
    let edited = text;
    for (const [at, remove, insert] of edits) {
      const start = at % (edited.length + 1);
      edited = edited.slice(0, start) + insert + edited.slice(start + remove);
    }
    return [text, edited] as const;
  });

describe("Levenshtein distance", () => {
  it("equals fast-levenshtein on random strings, astral characters included", () => {
    fc.assert(
      fc.property(smallString, smallString, (a, b) => {
        const ours = levenshtein(a, b);
        expect(ours.exact).toBe(true);
        expect(ours.distance).toBe(levenshteinReference.get(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it("equals fast-levenshtein on arbitrary Unicode, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), fc.string({ unit: "binary", maxLength: 80 }), (a, b) => {
        expect(levenshtein(a, b).distance).toBe(levenshteinReference.get(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it("equals fast-levenshtein on long texts with scattered edits, within the work budget", () => {
    fc.assert(
      fc.property(longPair, ([a, b]) => {
        const ours = levenshtein(a, b);
        expect(ours.exact).toBe(true);
        expect(ours.distance).toBe(levenshteinReference.get(a, b));
      }),
      { numRuns: 40 },
    );
  });

  it("equals fast-levenshtein on two unrelated long texts whose product is within the budget", () => {
    fc.assert(
      fc.property(fc.string({ unit, minLength: 400, maxLength: MAX_LONG_UNITS }), fc.string({ unit, minLength: 400, maxLength: MAX_LONG_UNITS }), (a, b) => {
        expect(a.length * b.length).toBeLessThanOrEqual(EXACT_WORK_BUDGET_PAIRS);
        expect(levenshtein(a, b).distance).toBe(levenshteinReference.get(a, b));
      }),
      { numRuns: 10 },
    );
  });

  it("counts an emoji as two code units, like fast-levenshtein and string.length", () => {
    expect(levenshtein("😀", "").distance).toBe(2);
    expect(levenshtein("a😀b", "a😁b").distance).toBe(1);
  });

  it("keeps a long local edit exact however long the document, because the common ends are trimmed", () => {
    const text = "lorem ipsum dolor sit amet ".repeat(8000);
    const edited = `${text.slice(0, 100_000)}0123456789${text.slice(100_010)}`;
    expect(levenshtein(text, edited)).toEqual({ distance: 10, exact: true });
  });

  it("estimates beyond the work budget, within the bounds every distance obeys", () => {
    const a = "alpha beta gamma delta ".repeat(300);
    const b = "gamma delta epsilon zeta eta ".repeat(280);
    const estimate = levenshtein(a, b, 1000);
    expect(estimate.exact).toBe(false);
    expect(estimate.distance).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
    expect(estimate.distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
    const exact = levenshtein(a, b, Infinity).distance;
    expect(Math.abs(estimate.distance - exact) / Math.max(a.length, b.length)).toBeLessThan(0.05);
  });
});
