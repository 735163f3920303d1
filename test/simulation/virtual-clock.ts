/**
 * The simulation's time: a monotonic clock that only moves when the next
 * scheduled event runs, and a wall clock (what `Date.now()` says in the tabs)
 * that may jump. Every event runs alone, then all microtasks settle before
 * the next one, so one seed always gives the same interleaving.
 */
interface ScheduledEvent {
  atMs: number;
  seq: number;
  run: () => void;
  cancelled?: boolean;
}

const settleMicrotasks = () => new Promise<void>((resolve) => setImmediate(resolve));

export class VirtualClock {
  monoMs = 0;
  /** Wall time = monotonic time + this; a clock jump changes it. */
  wallOffsetMs = Date.UTC(2026, 11, 2, 12, 0, 0);
  /** How far the tabs' wall clock is from the server's (the sum of every jump). */
  skewMs = 0;
  private heap: ScheduledEvent[] = [];
  private seq = 0;
  private byId = new Map<number, ScheduledEvent>();
  eventsRun = 0;

  wallMs(): number {
    return this.monoMs + this.wallOffsetMs;
  }

  /** The server's wall clock: never jumps. */
  serverWallMs(): number {
    return this.monoMs + this.wallOffsetMs - this.skewMs;
  }

  /** The latest the tabs' wall clock ever said (a saved signal expires by it). */
  maxWallMs = 0;

  jumpWall(byMs: number): void {
    this.maxWallMs = Math.max(this.maxWallMs, this.wallMs());
    this.wallOffsetMs += byMs;
    this.skewMs += byMs;
  }

  schedule(delayMs: number, run: () => void): number {
    const event: ScheduledEvent = { atMs: this.monoMs + Math.max(0, Number.isFinite(delayMs) ? delayMs : 0), seq: ++this.seq, run };
    this.push(event);
    this.byId.set(event.seq, event);
    return event.seq;
  }

  cancel(id: number | undefined): void {
    if (id === undefined) return;
    const event = this.byId.get(id);
    if (event) event.cancelled = true;
    this.byId.delete(id);
  }

  pendingCount(): number {
    return this.byId.size;
  }

  /** Runs events in time order until none is due by `untilMs` or `stop()` says so; returns false when the event budget ran out. */
  async runUntil(untilMs: number, stop?: () => boolean, maxEvents = 2_000_000): Promise<boolean> {
    await settleMicrotasks();
    while (this.heap.length && this.heap[0]!.atMs <= untilMs) {
      if (stop?.()) return true;
      const event = this.pop()!;
      if (event.cancelled) continue;
      this.byId.delete(event.seq);
      this.monoMs = Math.max(this.monoMs, event.atMs);
      event.run();
      await settleMicrotasks();
      if (++this.eventsRun > maxEvents) return false;
    }
    if (!stop?.()) this.monoMs = Math.max(this.monoMs, untilMs);
    return true;
  }

  private less(a: ScheduledEvent, b: ScheduledEvent): boolean {
    return a.atMs < b.atMs || (a.atMs == b.atMs && a.seq < b.seq);
  }

  private push(event: ScheduledEvent): void {
    const heap = this.heap;
    heap.push(event);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): ScheduledEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length && last) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && this.less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && this.less(heap[r]!, heap[m]!)) m = r;
        if (m == i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
}
