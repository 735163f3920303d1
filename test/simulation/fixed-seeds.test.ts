// @vitest-environment node
import { describe, expect, it } from "vitest";
import { runSeed } from "./run-seed";

/**
 * CI's share of the delivery simulation (see README, "Simulation"): a fixed
 * run of seeds, each a few virtual minutes of tabs, reloads, faults, offline
 * spells and storage trouble, checked against every delivery invariant.
 * More seeds: `npm run simulate -- --seeds 1000`.
 */
const FIXED_SEEDS = Array.from({ length: 40 }, (_, i) => 1 + i);

describe("the delivery simulation", () => {
  for (const seed of FIXED_SEEDS) {
    it(`keeps every promise of delivery with seed ${seed}`, async () => {
      const { failures } = await runSeed(seed);
      expect(failures, `replay: npm run simulate -- --seed ${seed} --trace`).toEqual([]);
    }, 60_000);
  }
});
