import type { Random } from "./prng";
import type { VirtualClock } from "./virtual-clock";

/** How the origin's storage behaves right now. */
export type StorageMode = "ok" | "full" | "throws";

/**
 * One origin's `localStorage` as several tabs see it: the browser's copy
 * (`backing`) takes every write at once; each tab reads its own view, which
 * hears other tabs' writes only after a lag (in order, per pair of tabs).
 */
export class StorageWorld {
  readonly backing = new Map<string, string>();
  private views = new Set<StorageView>();
  mode: StorageMode = "ok";
  /** Characters the origin may hold (keys and values); browsers allow about 5 million. */
  quotaChars = 5_000_000;
  /** Quota while the mode is "full". */
  fullQuotaChars = 20_000;
  /** The longest a write takes to reach another tab's view. */
  lagMaxMs: number;
  /** Every signal id ever written under `kelet:unsent:` (for "nothing of it is saved"). */
  readonly everSaved = new Set<string>();

  /** Hears every write of delivery's keys, for the trace. */
  onWrite: (line: string) => void = () => {};

  constructor(
    private clock: VirtualClock,
    private random: Random,
    lagMaxMs: number,
  ) {
    this.lagMaxMs = lagMaxMs;
  }

  openView(name: string): StorageView {
    const view = new StorageView(this, new Map(this.backing), name);
    this.views.add(view);
    return view;
  }

  closeView(view: StorageView): void {
    this.views.delete(view);
  }

  size(): number {
    let chars = 0;
    for (const [key, value] of this.backing) chars += key.length + value.length;
    return chars;
  }

  /** A write by `from`: applied to the browser's copy now, to every other view later. */
  write(from: StorageView, key: string, value: string | null): void {
    if (this.mode == "throws") throw new DOMException("The operation is insecure.", "SecurityError");
    if (value !== null) {
      const quota = this.mode == "full" ? this.fullQuotaChars : this.quotaChars;
      const grown = this.size() - (this.backing.has(key) ? key.length + this.backing.get(key)!.length : 0) + key.length + value.length;
      if (grown > quota) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      if (key.startsWith("kelet:unsent:")) for (const match of value.matchAll(/sim_id\\":\\"([^\\]+)\\"/g)) this.everSaved.add(match[1]!);
    }
    if (key.startsWith("kelet:")) this.onWrite(`${from.name} ${value === null ? "removes" : "writes"} ${key}${value === null ? "" : ` (${describe(value)})`}`);
    this.apply(this.backing, key, value);
    this.apply(from.map, key, value);
    for (const view of this.views) {
      if (view == from) continue;
      const atMs = Math.max(view.lastDeliveryMs.get(from) ?? 0, this.clock.monoMs + (this.lagMaxMs ? this.random.int(0, this.lagMaxMs) : 0));
      view.lastDeliveryMs.set(from, atMs);
      this.clock.schedule(atMs - this.clock.monoMs, () => this.apply(view.map, key, value));
    }
  }

  /** A write made outside any tab (the previous visit, or corruption): everywhere at once. */
  plant(key: string, value: string | null): void {
    this.onWrite(`the previous visit left ${key} = ${value === null ? "nothing" : value.slice(0, 600)}`);
    this.apply(this.backing, key, value);
    for (const view of this.views) this.apply(view.map, key, value);
  }

  private apply(map: Map<string, string>, key: string, value: string | null): void {
    if (value === null) map.delete(key);
    else map.set(key, value);
  }

  read(view: StorageView): Map<string, string> {
    if (this.mode == "throws") throw new DOMException("The operation is insecure.", "SecurityError");
    return view.map;
  }
}

/** What one tab's `localStorage` is. */
export class StorageView {
  readonly lastDeliveryMs = new Map<StorageView, number>();
  constructor(
    private world: StorageWorld,
    readonly map: Map<string, string>,
    readonly name: string,
  ) {}
  getItem(key: string): string | null {
    return this.world.read(this).get(String(key)) ?? null;
  }
  setItem(key: string, value: string): void {
    this.world.write(this, String(key), String(value));
  }
  removeItem(key: string): void {
    this.world.write(this, String(key), null);
  }
  key(index: number): string | null {
    return [...this.world.read(this).keys()][index] ?? null;
  }
  get length(): number {
    return this.world.read(this).size;
  }
  clear(): void {
    for (const key of [...this.world.read(this).keys()]) this.world.write(this, key, null);
  }
}

/** A stored value in a few words: the sim ids it holds, or its start. */
function describe(value: string): string {
  const ids = [...value.matchAll(/sim_id\\":\\"([^\\]+)\\"/g)].map((m) => m[1]);
  return ids.length ? `${ids.length} signal(s): ${ids.slice(0, 12).join(" ")}${ids.length > 12 ? " …" : ""}` : value.slice(0, 80);
}
