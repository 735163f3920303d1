import { normalizeBaseUrl } from "../../src/core/endpoint";
import { destinationKey } from "../../src/core/delivery/signal-store";
import { StorageWorld } from "./browser-storage";
import type { Random } from "./prng";
import { SimServer } from "./sim-server";
import { PageLoad, SimTab, type NetworkState } from "./sim-tab";
import { VirtualClock } from "./virtual-clock";
import { SimLocks } from "./web-locks";

/** Where a client sends, and why it never can when it cannot. */
export interface Destination {
  apiKey: string;
  project: string;
  baseUrl: string;
  /** Set when the app's configuration can never make a request: what is wrong. */
  broken?: string;
}

/** One signal the app (or a previous visit) sent, and everything that happened to it. */
export interface SentSignal {
  simId: string;
  loadId: string;
  clientId: string;
  destination: Destination;
  /** Destination key, as storage and the registry name it. */
  destKey: string;
  session: string;
  sentAtMs: number;
  sentAtWallMs: number;
  value?: string;
  persist: boolean;
  state: "pending" | "resolved" | "rejected" | "invalid" | "orphan";
  settledAtMs?: number;
  rejections: { message: string; atMs: number; via: "promise" | "onError"; loadId: string }[];
  seenErrors: Set<unknown>;
  /** Saved by the previous visit (planted before the run). */
  planted?: boolean;
  expiredWhenPlanted?: boolean;
}

export interface SimClient {
  id: string;
  load: PageLoad;
  destination: Destination;
  persist: boolean;
  fetchProp?: "wrapper" | "throwing";
  closed: boolean;
  close(): void;
  signal(data: object): Promise<void>;
}

/** Everything one seed's run is made of. */
export class SimWorld {
  readonly clock = new VirtualClock();
  readonly trace: string[] = [];
  readonly network: NetworkState = { online: true, up: true };
  readonly storage: StorageWorld;
  readonly locks = new SimLocks();
  readonly server: SimServer;
  readonly tabs: SimTab[] = [];
  readonly loads: PageLoad[] = [];
  readonly clients: SimClient[] = [];
  readonly signals = new Map<string, SentSignal>();
  readonly problems: string[] = [];
  /** Destinations that deliver, to revisit at the end. */
  readonly validDestinations = new Map<string, Destination>();
  locksAvailable: boolean;
  production: boolean;
  private tabCount = 0;
  private simIds = 0;

  constructor(
    readonly seed: number,
    readonly random: Random,
    readonly keysByProject: Map<string, Set<string>>,
  ) {
    this.storage = new StorageWorld(this.clock, random.fork("storage"), random.pick([0, 50, 200, 400]));
    this.storage.onWrite = (line) => this.log(`storage: ${line}`);
    this.server = new SimServer(this.clock, random.fork("server"), new Set(["https://api.kelet.test", "https://eu.kelet.test"]), keysByProject, (line) => this.log(line));
    this.locksAvailable = random.chance(0.6);
    this.production = random.chance(0.5);
  }

  log(line: string): void {
    this.trace.push(`${(this.clock.monoMs / 1000).toFixed(3).padStart(10)}s ${line}`);
  }

  newSimId(): string {
    return `s${++this.simIds}`;
  }

  destKey(destination: Destination): string {
    return destinationKey({ ...destination, baseUrl: normalizeBaseUrl(destination.baseUrl) });
  }

  openTab(): SimTab {
    const tab = new SimTab(`tab${++this.tabCount}`, this.network, this.storage);
    if (process.env.SIM_LOGS) tab.onLog = (line) => this.log(line);
    this.tabs.push(tab);
    this.startLoad(tab);
    return tab;
  }

  startLoad(tab: SimTab): PageLoad {
    const loadId = `${tab.id}#${++tab.loads}`;
    const options = { locks: this.locksAvailable && !this.random.chance(0.1), fetchMissing: this.random.chance(process.env.SIM_NO_BROKEN ? 0 : 0.04), production: this.production };
    const load = new PageLoad(loadId, tab, this.clock, this.random.fork(loadId), this.server, this.locks, options);
    tab.load = load;
    this.loads.push(load);
    this.log(`${loadId} loaded (locks ${options.locks}, fetch ${options.fetchMissing ? "missing" : "present"})`);
    return load;
  }

  /** The page goes away (reload or close): hidden, pagehide, then nothing of it runs again. */
  endLoad(tab: SimTab, why: string): void {
    const load = tab.load;
    if (!load) return;
    this.log(`${load.loadId} ${why} (${load.listenerCount()} listener(s): ${[...load.window.listeners, ...load.document.listeners].filter(([, l]) => l.size).map(([k]) => k).join(" ")})`);
    if (tab.visible) this.setVisible(tab, false);
    // A reload or a close: the page is not kept in the back/forward cache.
    load.dispatch("window", "pagehide", { persisted: false });
    load.storageWorkedAtUnload = this.storage.mode == "ok";
    load.alive = false;
    for (const scheduled of load.timers.values()) this.clock.cancel(scheduled);
    load.timers.clear();
    this.locks.dropOwner(load);
    this.collectThrown(load);
    tab.load = undefined;
    tab.visible = true;
  }

  closeTab(tab: SimTab): void {
    this.endLoad(tab, "closed");
    this.tabs.splice(this.tabs.indexOf(tab), 1);
    this.storage.closeView(tab.storage);
  }

  setVisible(tab: SimTab, visible: boolean): void {
    if (tab.visible == visible) return;
    tab.visible = visible;
    const load = tab.load;
    if (!load) return;
    load.document.visibilityState = visible ? "visible" : "hidden";
    load.document.hidden = !visible;
    this.log(`${load.loadId} ${visible ? "shown" : "hidden"}`);
    load.dispatch("document", "visibilitychange");
    this.collectThrown(load);
  }

  setOnline(online: boolean): void {
    if (this.network.online == online) return;
    this.network.online = online;
    this.log(online ? "browser online" : "browser offline");
    for (const load of this.liveLoads()) {
      load.dispatch("window", online ? "online" : "offline");
      this.collectThrown(load);
    }
  }

  liveLoads(): PageLoad[] {
    return this.tabs.map((t) => t.load).filter((l): l is PageLoad => !!l);
  }

  collectThrown(load: PageLoad): void {
    for (const error of load.thrown.splice(0)) this.problems.push(`thrown into the page ${load.loadId}: ${error instanceof Error ? error.stack : String(error)}`);
  }

  createClient(load: PageLoad, destination: Destination, settings: { persist: boolean; captureEvents: boolean; debug: boolean; fetchProp?: "wrapper" | "throwing" }): SimClient | undefined {
    const id = `${load.loadId}/c${this.clients.length + 1}`;
    const world = this;
    let fetchProp: ((url: string, init: object) => Promise<unknown>) | undefined;
    if (settings.fetchProp == "throwing") {
      fetchProp = () => {
        throw new TypeError("the app's fetch failed at once");
      };
    } else if (settings.fetchProp == "wrapper") {
      const transport = (load.window as unknown as { fetch: (url: string, init: object) => Promise<unknown> }).fetch;
      fetchProp = transport ? (url, init) => transport(url, init) : undefined;
      // A page without fetch has nothing to wrap: the app passes none.
      if (!transport) settings = { ...settings, fetchProp: undefined };
    }
    let client: { signal(data: object): Promise<void>; close(): void };
    try {
      client = load.core.createKeletClient({
        ...destination,
        persist: settings.persist,
        captureEvents: settings.captureEvents,
        debug: settings.debug || !!process.env.SIM_LOGS,
        fetch: fetchProp as never,
        onError(error: Error, signal: { metadata?: { sim_id?: string } }) {
          world.recordRejection(signal?.metadata?.sim_id, error, "onError", load.loadId);
        },
      });
    } catch (error) {
      this.log(`${id} refused at creation: ${(error as Error).message}`);
      return;
    }
    const simClient: SimClient = {
      id,
      load,
      destination,
      persist: settings.persist,
      fetchProp: settings.fetchProp,
      closed: false,
      close() {
        simClient.closed = true;
        client.close();
      },
      signal: (data) => client.signal(data as never),
    };
    this.clients.push(simClient);
    if (!destination.broken) this.validDestinations.set(this.destKey(destination), destination);
    this.log(`${id} created ${JSON.stringify({ ...destination, persist: settings.persist, captureEvents: settings.captureEvents, fetch: settings.fetchProp ?? "global" })}`);
    return simClient;
  }

  recordRejection(simId: string | undefined, error: unknown, via: "promise" | "onError", loadId: string): void {
    const signal = simId ? this.signals.get(simId) : undefined;
    if (!signal) return;
    if (signal.seenErrors.has(error)) return;
    signal.seenErrors.add(error);
    const message = error instanceof Error ? error.message : String(error);
    signal.rejections.push({ message, atMs: this.clock.monoMs, via, loadId });
    this.log(`${simId} rejected (${via}, ${loadId}): ${message}`);
  }

  send(client: SimClient, session: string, data: Record<string, unknown>, invalid = false): void {
    const simId = this.newSimId();
    const signal: SentSignal = {
      simId,
      loadId: client.load.loadId,
      clientId: client.id,
      destination: client.destination,
      destKey: this.destKey(client.destination),
      session,
      sentAtMs: this.clock.monoMs,
      sentAtWallMs: this.clock.wallMs(),
      value: typeof data.value == "string" ? data.value : undefined,
      persist: client.persist,
      state: invalid ? "invalid" : "pending",
      rejections: [],
      seenErrors: new Set(),
    };
    this.signals.set(simId, signal);
    this.log(`${simId} sent by ${client.id}${client.closed ? " (closed)" : ""} session ${session}${signal.value !== undefined ? ` value ${signal.value.length} chars` : ""}${invalid ? " (invalid)" : ""}`);
    let promise: Promise<void>;
    try {
      promise = client.signal({ ...data, session_id: session, metadata: { sim_id: simId } });
    } catch (error) {
      this.problems.push(`${simId}: signal() threw synchronously into the app: ${(error as Error).message}`);
      return;
    }
    promise.then(
      () => {
        if (invalid) return;
        signal.state = "resolved";
        signal.settledAtMs = this.clock.monoMs;
        this.log(`${simId} resolved`);
      },
      (error) => {
        if (signal.state == "pending") signal.state = "rejected";
        signal.settledAtMs ??= this.clock.monoMs;
        if (!invalid) this.recordRejection(simId, error, "promise", client.load.loadId);
      },
    );
  }
}
