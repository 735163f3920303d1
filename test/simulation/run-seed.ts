import { checkInvariants } from "./invariants";
import { createRandom } from "./prng";
import { KEYS_BY_PROJECT, Scenario } from "./scenario";
import { SimWorld } from "./sim-world";

export interface SeedResult {
  seed: number;
  failures: string[];
  trace: string[];
  stats: { signals: number; requests: number; accepted: number; events: number; virtualMinutes: number; tabs: number; loads: number };
}

/** The longest the world may take to deliver everything once healed (a backward clock jump can delay a retry). */
const SETTLE_LIMIT_MS = 6 * 3_600_000;

/**
 * One seed, start to end: a few minutes of chaos, then the world heals and a
 * later visit opens; once everything has settled every client closes, and the
 * invariants are checked.
 */
export async function runSeed(seed: number): Promise<SeedResult> {
  const random = createRandom(seed);
  const world = new SimWorld(seed, random, KEYS_BY_PROJECT);
  const scenario = new Scenario(world);
  const unhandled = (reason: unknown) => world.problems.push(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
  process.on("unhandledRejection", unhandled);
  try {
    world.log(`seed ${seed}: locks ${world.locksAvailable}, ${world.production ? "production" : "development"}, storage lag up to ${world.storage.lagMaxMs} ms`);
    scenario.plantStorage();
    for (let n = scenario.random.int(1, 3); n > 0; n--) scenario.bootLoad(world.openTab().load!);

    // The chaos: one step after another at random gaps.
    const chaosMs = scenario.random.int(2, 10) * 60_000;
    const step = () => {
      if (world.clock.monoMs >= chaosMs) return;
      scenario.step();
      world.clock.schedule(scenario.random.chance(0.3) ? scenario.random.int(0, 50) : scenario.random.int(50, 6_000), step);
    };
    step();
    await world.clock.runUntil(chaosMs);

    // Healed, a later visit; then wait until every live page's signals settled and storage is empty.
    scenario.heal();
    const finalVisitWallMs = world.clock.wallMs();
    const finalLoad = scenario.finalVisit();
    void finalLoad;
    const liveSignalsPending = () => [...world.signals.values()].some((s) => s.state == "pending" && world.liveLoads().some((l) => l.loadId == s.loadId));
    const storageHoldsWork = () => [...world.storage.backing.keys()].some((k) => [...world.validDestinations.keys()].some((d) => k == `kelet:unsent:${d}`));
    const settleStart = world.clock.monoMs;
    await world.clock.runUntil(settleStart + SETTLE_LIMIT_MS, () => world.clock.monoMs > settleStart + 60_000 && !liveSignalsPending() && !storageHoldsWork());

    for (const load of world.liveLoads()) {
      const registry = (load.window as unknown as Record<symbol, { connectivity: { isDown(): boolean }; queues: Map<string, unknown> }>)[Symbol.for("kelet.delivery.registry")];
      if (registry) world.log(`${load.loadId} at the end of settling: connectivity ${registry.connectivity.isDown() ? "down" : "up"}, queues ${[...registry.queues.keys()].join(" ")}`);
    }
    for (const load of world.liveLoads()) if (load.timers.size) world.log(`${load.loadId} timers at the end of settling: ${[...load.timerInfo.values()].slice(0, 8).join(", ")}`);
    // Every client closes; its page's delivery must wind down to nothing.
    world.log("every client closes");
    for (const client of world.clients) if (!client.closed && client.load.alive) client.close();
    await world.clock.runUntil(world.clock.monoMs + SETTLE_LIMIT_MS, () => world.liveLoads().every((l) => !l.timers.size));
    for (const load of world.liveLoads()) world.collectThrown(load);

    const failures = checkInvariants(world, finalVisitWallMs, world.liveLoads());
    const requests = world.server.requests;
    return {
      seed,
      failures,
      trace: world.trace,
      stats: {
        signals: world.signals.size,
        requests: requests.length,
        accepted: requests.filter((r) => r.status < 300).length,
        events: world.clock.eventsRun,
        virtualMinutes: Math.round(world.clock.monoMs / 60_000),
        tabs: world.tabs.length,
        loads: world.loads.length,
      },
    };
  } finally {
    process.off("unhandledRejection", unhandled);
  }
}
