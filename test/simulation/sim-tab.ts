import type { StorageView, StorageWorld } from "./browser-storage";
import { coreFactory } from "./core-bundle";
import type { Random } from "./prng";
import type { RequestSource, SimServer } from "./sim-server";
import type { VirtualClock } from "./virtual-clock";
import type { SimLocks } from "./web-locks";

type Listener = (event: { type: string }) => void;

/** A minimal EventTarget that counts what is installed (a leak is a listener left after the last client closed). */
export class SimEventTarget {
  readonly listeners = new Map<string, Set<Listener>>();
  addEventListener(type: string, listener: Listener, options?: unknown): void {
    const key = `${type}|${captureOf(options)}`;
    (this.listeners.get(key) ?? this.listeners.set(key, new Set()).get(key)!).add(listener);
  }
  removeEventListener(type: string, listener: Listener, options?: unknown): void {
    this.listeners.get(`${type}|${captureOf(options)}`)?.delete(listener);
  }
  count(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
  /** Calls the listeners; returns what any of them threw (an exception into the host page). */
  dispatch(type: string, extra: object = {}): unknown[] {
    const thrown: unknown[] = [];
    for (const [key, set] of this.listeners) {
      if (key.split("|")[0] != type) continue;
      for (const listener of [...set]) {
        try {
          listener({ type, ...extra });
        } catch (error) {
          thrown.push(error);
        }
      }
    }
    return thrown;
  }
}
const captureOf = (options: unknown) => (typeof options == "boolean" ? options : !!(options as { capture?: boolean } | undefined)?.capture);

/** The browser's network as every tab sees it. */
export interface NetworkState {
  online: boolean;
  /** False while offline in fact but `navigator.onLine` still says online. */
  up: boolean;
}

export interface LoadOptions {
  locks: boolean;
  fetchMissing: boolean;
  production: boolean;
}

let timerIds = 0;

/**
 * One page load of a tab: its own copy of `/core`, evaluated against its own
 * window, document, navigator, storage view, timers (on the virtual clock)
 * and `fetch` (to the simulated server).
 */
export class PageLoad implements RequestSource {
  alive = true;
  /** Whether storage could take writes when the page went away. */
  storageWorkedAtUnload?: boolean;
  readonly window = new SimEventTarget();
  readonly document = new SimEventTarget() as SimEventTarget & { visibilityState: string; hidden: boolean };
  readonly timers = new Map<number, number>();
  /** Each live timer's due time and callback name, for a leak report. */
  readonly timerInfo = new Map<number, string>();
  readonly core: ReturnType<ReturnType<typeof coreFactory>>;
  readonly logs: string[] = [];
  /** What a listener or timer threw into the page. */
  readonly thrown: unknown[] = [];

  constructor(
    readonly loadId: string,
    readonly tab: SimTab,
    clock: VirtualClock,
    random: Random,
    server: SimServer,
    locks: SimLocks,
    readonly options: LoadOptions,
  ) {
    this.document.visibilityState = tab.visible ? "visible" : "hidden";
    this.document.hidden = !tab.visible;
    const load = this;
    const loadStartMs = clock.monoMs;
    const setTimeout = (callback: (...args: unknown[]) => void, delayMs?: number, ...args: unknown[]) => {
      const id = ++timerIds;
      let delay = Number(delayMs) || 0;
      // Hidden tabs run timers at most once a second (Chromium's throttling).
      if (!tab.visible) delay = Math.ceil((clock.monoMs + delay) / 1000) * 1000 - clock.monoMs;
      const scheduled = clock.schedule(delay, () => {
        load.timers.delete(id);
        load.timerInfo.delete(id);
        if (!load.alive) return;
        try {
          callback(...args);
        } catch (error) {
          load.thrown.push(error);
        }
      });
      load.timers.set(id, scheduled);
      load.timerInfo.set(id, `${callback.name || "anonymous"} due at ${((clock.monoMs + delay) / 1000).toFixed(3)}s`);
      return id;
    };
    const clearTimeout = (id: number | undefined) => {
      if (id === undefined) return;
      clock.cancel(load.timers.get(id));
      load.timers.delete(id);
      load.timerInfo.delete(id);
    };
    class PageDate extends Date {
      constructor(...args: unknown[]) {
        if (args.length) super(...(args as [number]));
        else super(clock.wallMs());
      }
      static override now() {
        return clock.wallMs();
      }
    }
    const math = Object.create(Math) as Math;
    math.random = () => random.next();
    const navigator = {
      get onLine() {
        return tab.network.online;
      },
      locks: options.locks ? locks.forPage(this) : undefined,
      userAgent: "kelet-simulation",
    };
    const record = (level: string) => (...args: unknown[]) => tab.onLog?.(`${load.loadId} console.${level}: ${args.map((a) => (a instanceof Error ? a.message : typeof a == "string" ? a : JSON.stringify(a)?.slice(0, 120))).join(" ")}`.slice(0, 300)) ?? load.logs.push(`${level}: ${args.map((a) => (a instanceof Error ? a.message : typeof a == "string" ? a : JSON.stringify(a))).join(" ")}`.slice(0, 400));
    const console = { log: record("log"), info: record("info"), debug: record("debug"), warn: record("warn"), error: record("error") };
    const win = this.window as SimEventTarget & Record<string, unknown>;
    const globals = {
      globalThis: win,
      window: win,
      self: win,
      document: this.document,
      navigator,
      localStorage: tab.storage,
      setTimeout,
      clearTimeout,
      setInterval: () => {
        throw new Error("setInterval is not simulated");
      },
      clearInterval: () => {},
      fetch: options.fetchMissing ? undefined : server.fetchFor(this),
      addEventListener: win.addEventListener.bind(win),
      removeEventListener: win.removeEventListener.bind(win),
      Date: PageDate,
      // The page's monotonic clock: from its load, never jumping.
      performance: { now: () => clock.monoMs - loadStartMs },
      Math: math,
      process: { env: { NODE_ENV: options.production ? "production" : "development" } },
      console,
    };
    Object.assign(win, globals);
    this.core = coreFactory()(globals);
  }

  online(): boolean {
    return this.tab.network.online;
  }
  networkUp(): boolean {
    return this.tab.network.up;
  }
  listenerCount(): number {
    return this.window.count() + this.document.count();
  }
  dispatch(target: "window" | "document", type: string, extra?: object): void {
    this.thrown.push(...this[target].dispatch(type, extra));
  }
}

/** A browser tab: its storage view and visibility; its page loads come and go (reloads). */
export class SimTab {
  visible = true;
  load: PageLoad | undefined;
  loads = 0;
  readonly storage: StorageView;
  /** Set to hear the page's console (SIM_LOGS=1). */
  onLog?: (line: string) => void;
  constructor(
    readonly id: string,
    readonly network: NetworkState,
    world: StorageWorld,
  ) {
    this.storage = world.openView(id);
  }
}
