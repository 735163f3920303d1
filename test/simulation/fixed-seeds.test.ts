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
  4: "order (a copy storage failed to take back, claimed by another tab)",
  10: "order",
  12: "order",
  17: "order",
  23: "order",
  25: "a previous visit's record lost",
  26: "retry-after (a keepalive retry from a page left)",
  31: "order",
  33: "order",
  38: "other (a missing fetch taken for a network failure)",
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
