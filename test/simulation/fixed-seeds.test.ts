// @vitest-environment node
import { describe, expect, it } from "vitest";
import { runSeed } from "./run-seed";

/**
 * CI's share of the delivery simulation (README, "Simulation"): seeds 1 to 40,
 * each a few virtual minutes of tabs, reloads, faults, offline spells, storage
 * trouble and clock jumps, checked against every delivery invariant.
 * More seeds: `npm run simulate -- --seeds 1000`.
 *
 * The seeds below still break an invariant on the current code: real bugs the
 * simulation found (see the notes), not flakiness: each run is exactly
 * reproducible with `npm run simulate -- --seed S --trace`. `it.fails` keeps
 * them honest: once a bug is fixed its seeds pass, this test fails, and the seed
 * moves to the passing list.
 */
const STILL_FAILING: Record<number, string> = {
  1: "order",
  2: "order",
  3: "order",
  4: "order",
  5: "retry-after",
  6: "lost silently at a page unload, order",
  7: "lost silently at a page unload",
  8: "lost silently at a page unload",
  10: "order",
  11: "lost silently at a page unload, order",
  12: "order",
  13: "order",
  16: "lost silently at a page unload, retry-after",
  17: "order, retry-after, a stalled session (timers left)",
  18: "lost silently at a page unload",
  20: "told saved, then lost, lost silently at a page unload",
  22: "lost silently at a page unload, retry-after, a stalled session (timers left)",
  23: "order, retry-after",
  24: "lost silently at a page unload, told saved, then lost, order, retry-after",
  25: "lost silently at a page unload, order, retry-after",
  26: "order, retry-after",
  28: "order",
  30: "order",
  31: "told saved, then lost, order",
  33: "order",
  34: "lost silently at a page unload",
  37: "order, retry-after",
  38: "other, order",
  39: "order, a stalled session (timers left)",
  40: "order",
};

describe("the delivery simulation", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const known = STILL_FAILING[seed];
    const test = known ? it.fails : it;
    test(`keeps every promise of delivery with seed ${seed}${known ? ` (still fails: ${known})` : ""}`, async () => {
      const { failures } = await runSeed(seed);
      expect(failures, `replay: npm run simulate -- --seed ${seed} --trace`).toEqual([]);
    }, 60_000);
  }
});
