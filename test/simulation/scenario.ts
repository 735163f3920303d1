import { STORED_SIGNAL_MAX_AGE_MS } from "../../src/core/delivery/constants";
import type { Random } from "./prng";
import { HEALTHY } from "./sim-server";
import type { PageLoad, SimTab } from "./sim-tab";
import { randomText, randomTextLength } from "./signal-text";
import type { Destination, SimClient, SimWorld } from "./sim-world";

const VALID: Destination[] = [
  { apiKey: "pk-kelet-support-1", project: "support", baseUrl: "https://api.kelet.test" },
  { apiKey: "pk-kelet-support-1", project: "support", baseUrl: "https://api.kelet.test/api/" },
  { apiKey: "pk-kelet-support-2", project: "support", baseUrl: "https://api.kelet.test" },
  { apiKey: "pk_docs", project: "docs & faq", baseUrl: "https://eu.kelet.test" },
  { apiKey: "pk-kelet-rotated-away", project: "support", baseUrl: "https://api.kelet.test" },
];
const BROKEN: Destination[] = [
  { apiKey: "pk-kelet-support-1\u200b", project: "support", baseUrl: "https://api.kelet.test", broken: "a zero-width space in the key" },
  { apiKey: "pk-kelet-support-1", project: "support", baseUrl: "https://api.kelet.test:99999", broken: "an unparseable base URL" },
];

export const KEYS_BY_PROJECT = new Map([
  ["support", new Set(["pk-kelet-support-1", "pk-kelet-support-2"])],
  ["docs & faq", new Set(["pk_docs"])],
]);

/**
 * Drives one seed's run: what the app and the user do, and what the world
 * does to them. Every choice comes from `random`, at virtual times.
 */
export class Scenario {
  private sessions = new Map<string, string[]>();
  private sessionCount = 0;
  readonly random: Random;

  constructor(private world: SimWorld) {
    this.random = world.random.fork("scenario");
  }

  /** The previous visit's leftovers: saved signals (some expired, some unreadable), foreign records, bad leases. */
  plantStorage(): void {
    const { random, world } = this;
    if (!random.chance(0.6)) return;
    const now = world.clock.wallMs();
    for (const destination of VALID.slice(0, 4)) {
      if (!random.chance(0.5)) continue;
      const key = world.destKey(destination);
      world.validDestinations.set(key, destination);
      // Two spellings of one base URL share a key: add to what is there.
      const records: unknown[] = JSON.parse(world.storage.backing.get(`kelet:unsent:${key}`) ?? "[]");
      for (let i = random.int(1, 6); i > 0; i--) {
        const simId = world.newSimId();
        const expired = random.chance(0.15);
        const queuedAtMs = expired ? now - STORED_SIGNAL_MAX_AGE_MS - random.int(1, 5) * 3_600_000 : now - random.int(1, 6 * 24) * 3_600_000;
        const session = `previous-${simId}`;
        const body = JSON.stringify({ session_id: session, source: "human", score: 1, metadata: { sim_id: simId } });
        records.push({ id: `old-${simId}`, body, queuedAtMs, ...(random.chance(0.3) ? { reported: true } : {}) });
        world.signals.set(simId, {
          simId,
          loadId: "previous-visit",
          clientId: "previous-visit",
          destination,
          destKey: key,
          session,
          sentAtMs: 0,
          sentAtWallMs: queuedAtMs,
          persist: true,
          state: "orphan",
          rejections: [],
          seenErrors: new Set(),
          planted: true,
          expiredWhenPlanted: expired,
        });
        // One unreadable record among readable ones.
        if (random.chance(0.2)) records.push(random.pick([{ id: "x", body: "null", queuedAtMs: now - 1000 }, { id: "y", body: "[1,2]", queuedAtMs: now }, null, 7, { id: 3 }]));
      }
      world.storage.plant(`kelet:unsent:${key}`, JSON.stringify(records));
      if (random.chance(0.2)) world.storage.plant(`kelet:drain:${key}:lease`, random.pick(["{not json", "42", JSON.stringify({ owner: "gone", untilMs: now + 365 * 86_400_000 })]));
    }
    if (random.chance(0.4)) {
      // A destination this app no longer uses (a rotated key), expired.
      const body = JSON.stringify({ session_id: "foreign", metadata: { typed: "an old comment" } });
      world.storage.plant(`kelet:unsent:https://old.kelet.test|legacy|abc`, JSON.stringify([{ id: "f1", body, queuedAtMs: now - STORED_SIGNAL_MAX_AGE_MS - 60_000 }]));
    }
    if (random.chance(0.2)) world.storage.plant(`kelet:unsent:https://old.kelet.test|broken|xyz`, "{damaged");
  }

  private pickSession(load: PageLoad): string {
    const list = this.sessions.get(load.loadId) ?? this.sessions.set(load.loadId, []).get(load.loadId)!;
    if (!list.length || this.random.chance(0.15)) list.push(`sess-${load.loadId}-${++this.sessionCount}`);
    return this.random.pick(list);
  }

  bootLoad(load: PageLoad): void {
    for (let i = this.random.int(1, 3); i > 0; i--) this.createClient(load);
  }

  createClient(load: PageLoad, destination?: Destination, persist?: boolean): SimClient | undefined {
    const { random } = this;
    destination ??= random.chance(process.env.SIM_NO_BROKEN ? 0 : 0.06) ? random.pick(BROKEN) : random.pick(VALID);
    return this.world.createClient(load, destination, {
      persist: persist ?? random.chance(0.75),
      captureEvents: random.chance(0.5),
      debug: random.chance(0.2),
      fetchProp: random.chance(process.env.SIM_NO_BROKEN ? 0 : 0.04) ? "throwing" : random.chance(0.2) ? "wrapper" : undefined,
    });
  }

  private clientsOf(load: PageLoad): SimClient[] {
    return this.world.clients.filter((c) => c.load == load);
  }

  private sendOne(load: PageLoad): void {
    const { random } = this;
    const clients = this.clientsOf(load);
    if (!clients.length) return;
    // Open clients mostly; a closed client's signals are still delivered.
    const open = clients.filter((c) => !c.closed);
    const client = open.length && random.chance(0.9) ? random.pick(open) : random.pick(clients);
    const kind = random.pick(["feedback", "edit", "event", "EVENT", "metric"]);
    const data: Record<string, unknown> = { kind, trigger_name: random.pick(["user-vote", "user-comment", "edit", "copy"]) };
    if (kind == "feedback" || kind == "metric") data.score = random.pick([0, 1, 0.5]);
    if (random.chance(0.7)) data.value = randomText(random, randomTextLength(random));
    const invalid = random.chance(0.02);
    if (invalid) data.score = 1.5;
    this.world.send(client, this.pickSession(load), data, invalid);
  }

  /** One thing happens. */
  step(): void {
    const { random, world } = this;
    const loads = world.liveLoads();
    const tab = world.tabs.length ? random.pick(world.tabs) : undefined;
    const roll = random.next();
    if (!loads.length || roll < 0.03) {
      if (world.tabs.length < 4) this.bootLoad(world.openTab().load!);
      return;
    }
    const load = random.pick(loads);
    if (roll < 0.5) return this.sendOne(load);
    if (roll < 0.54) {
      for (let n = random.int(10, random.chance(0.3) ? 300 : 60); n > 0; n--) this.sendOne(load);
      return;
    }
    if (roll < 0.58) return void this.createClient(load);
    if (roll < 0.61) {
      const open = this.clientsOf(load).filter((c) => !c.closed);
      if (!open.length) return;
      const client = random.pick(open);
      world.log(`${client.id} closed`);
      client.close();
      // Reconfigured: the same app makes a new client with other settings.
      if (random.chance(0.6)) this.createClient(load, random.chance(0.5) ? client.destination : undefined, random.chance(0.5) ? !client.persist : undefined);
      return;
    }
    if (roll < 0.67) return world.setVisible(tab!, !tab!.visible);
    if (roll < 0.7) {
      world.endLoad(tab!, "reloading");
      world.clock.schedule(random.int(20, 800), () => {
        if (world.tabs.includes(tab!) && !tab!.load) this.bootLoad(world.startLoad(tab!));
      });
      return;
    }
    if (roll < 0.715) return world.tabs.length > 1 ? world.closeTab(tab!) : undefined;
    if (roll < 0.75) return this.spell("offline", () => world.setOnline(false), () => world.setOnline(true));
    if (roll < 0.77)
      return this.spell(
        "network down while onLine says online",
        () => (world.network.up = false),
        () => (world.network.up = true),
      );
    if (roll < 0.84) return this.serverWeather();
    if (roll < 0.88) {
      const mode = random.pick(["full", "throws"] as const);
      return this.spell(`storage ${mode}`, () => (world.storage.mode = mode), () => (world.storage.mode = "ok"));
    }
    if (roll < 0.9 && !process.env.SIM_NO_JUMPS) {
      const forward = random.chance(0.6);
      const byMs = forward ? random.pick([random.int(1, 120) * 1000, random.int(1, 60) * 60_000, random.int(6, 9) * 86_400_000]) : -random.int(1, 120) * 60_000;
      world.log(`wall clock jumps ${byMs > 0 ? "forward" : "back"} ${Math.abs(byMs) / 1000} s`);
      world.clock.jumpWall(byMs);
      return;
    }
    // Most of the time nothing happens but sending.
    this.sendOne(load);
  }

  private serverWeather(): void {
    const { random, world } = this;
    const { faults } = world.server;
    const kind = random.pick(["5xx", "429", "lost", "hang", "refused", "blocked", "slow", "calm"] as const);
    world.log(`server weather: ${kind}`);
    if (kind == "5xx") faults.error5xx = random.pick([0.1, 0.3, 0.9]);
    if (kind == "429") faults.rateLimited = random.pick([0.1, 0.3, 0.8]);
    if (kind == "lost") faults.answerLost = random.pick([0.05, 0.2]);
    if (kind == "hang") faults.hang = random.pick([0.02, 0.1]);
    if (kind == "slow") faults.slow = random.pick([0.05, 0.3]);
    if (kind == "calm") Object.assign(faults, HEALTHY(), { blockedOrigins: faults.blockedOrigins, refused: faults.refused });
    if (kind == "refused") this.spell("connections refused", () => (faults.refused = true), () => (faults.refused = false));
    if (kind == "blocked") {
      const origin = random.pick(["https://api.kelet.test", "https://eu.kelet.test"]);
      // Long enough, often, to pass the 2-minute blocked-endpoint ceiling.
      this.spell(`${origin} blocked`, () => faults.blockedOrigins.add(origin), () => faults.blockedOrigins.delete(origin), random.int(20_000, 300_000));
    }
  }

  private spell(what: string, start: () => void, end: () => void, durationMs = this.random.pick([this.random.int(500, 5_000), this.random.int(5_000, 90_000)])): void {
    this.world.log(`${what} for ${durationMs} ms`);
    start();
    this.world.clock.schedule(durationMs, () => {
      this.world.log(`${what}: over`);
      end();
    });
  }

  /** The world heals: online, a healthy server and storage; the tabs stay as they are. */
  heal(): void {
    const { world } = this;
    world.log("the world heals");
    world.network.up = true;
    world.setOnline(true);
    world.server.faults = HEALTHY();
    world.storage.mode = "ok";
  }

  /** A later visit: a new tab opens every destination that delivers, sometimes a persist-off client first. */
  finalVisit(): PageLoad {
    const { world, random } = this;
    const load = world.openTab().load!;
    for (const destination of world.validDestinations.values()) {
      if (random.chance(0.5)) this.createClient(load, destination, false);
      this.createClient(load, destination, true);
    }
    return load;
  }
}
