import { BLOCKED_ENDPOINT_GIVE_UP_MS, FIRST_PROBE_DELAY_MS, MAX_PROBE_DELAY_MS, monoMs, OFFLINE_AFTER_NETWORK_FAILURES, type DeliveryTuning } from "./constants";

/** A queue, as the page's connectivity sees it. */
export interface ConnectivityMember {
  tuning: DeliveryTuning;
  /** The connection is back: send what waits. */
  wake(): void;
  /** Sends the oldest waiting signal as a probe; false when it has nothing to send. */
  probe(): boolean;
  /** A request failed after the endpoint stayed unreachable past the ceiling while the browser said online: end what waits. */
  giveUp(reason: string): void;
}

/**
 * Whether requests can reach the network: one fact for the whole page,
 * shared by every queue (held in the page-wide registry). Learns from every
 * attempt's outcome and from `online`/`offline` events; while the connection
 * is down, one probe loop (growing gaps) sends a waiting signal now and then;
 * and when the browser says online but nothing gets through for the blocked
 * ceiling (an ad blocker, a firewall), it tells every queue to give up.
 */
export interface Connectivity {
  /** True while requests should wait for the probe (offline, or the endpoint unreachable). */
  isDown(): boolean;
  /** Any HTTP answer arrived: the connection works. */
  answered(): void;
  /** A request failed at the connection level. */
  networkFailed(): void;
  /** A request got no answer in time; while down, the probe loop goes on. */
  timedOut(): void;
  /** Adds a queue while it has work; returns the leave function. */
  join(member: ConnectivityMember): () => void;
}

export const browserSaysOffline = (): boolean => globalThis.navigator?.onLine === false;

/** The reason given to a signal that waited out the blocked-endpoint ceiling. */
export function blockedEndpointReason(giveUpMs: number): string {
  // In whole seconds under a minute (tests shorten the ceiling), else whole minutes (production's is 2).
  const duration = giveUpMs < 60_000 ? `${Math.round(giveUpMs / 1000)} seconds` : `${Math.round(giveUpMs / 60_000)} minutes`;
  return `the Kelet endpoint has been unreachable for ${duration} while the browser is online (blocked by an ad blocker or firewall?)`;
}

export function createConnectivity(): Connectivity {
  const members = new Set<ConnectivityMember>();
  let down = false;
  let failureStreak = 0;
  let probeDelayMs = 0;
  let probeTimer: ReturnType<typeof setTimeout> | undefined;
  let probeTurn = 0;
  /** When requests started failing with the browser online; undefined while the browser says offline. */
  let unreachableSinceMs: number | undefined;

  /** The shortest of the members' tunings: a queue that tests shrink gets its shorter waits. */
  const tuningMin = (key: "firstProbeDelayMs" | "blockedEndpointGiveUpMs", fallback: number) => Math.min(...[...members].map((m) => m.tuning[key] ?? fallback));
  const giveUpMs = () => tuningMin("blockedEndpointGiveUpMs", BLOCKED_ENDPOINT_GIVE_UP_MS);
  const ceilingLeftMs = () => (unreachableSinceMs === undefined ? Infinity : unreachableSinceMs + giveUpMs() - monoMs());

  function goDown(): void {
    if (down) return;
    down = true;
    probeDelayMs = tuningMin("firstProbeDelayMs", FIRST_PROBE_DELAY_MS);
    unreachableSinceMs = browserSaysOffline() ? undefined : monoMs();
    scheduleProbe();
  }

  function goUp(): void {
    failureStreak = 0;
    unreachableSinceMs = undefined;
    if (!down) return;
    down = false;
    clearTimeout(probeTimer);
    probeTimer = undefined;
    for (const member of [...members]) member.wake();
  }

  function scheduleProbe(): void {
    // Members are never empty here: a queue leaves only when idle, and the last one leaving ends the spell.
    if (!down || probeTimer !== undefined) return;
    // The ceiling is checked on time, not only at the next (up to 30 s later) probe.
    const delayMs = Math.max(0, Math.min(probeDelayMs, ceilingLeftMs()));
    probeDelayMs = Math.min(MAX_PROBE_DELAY_MS, probeDelayMs * 2);
    probeTimer = setTimeout(probe, delayMs);
  }

  function probe(): void {
    // Only scheduled while down (goUp clears the timer).
    probeTimer = undefined;
    if (browserSaysOffline()) {
      // True offline waits as long as it lasts; the ceiling counts only time the browser says online.
      unreachableSinceMs = undefined;
      return scheduleProbe();
    }
    unreachableSinceMs ??= monoMs();
    // Queues take turns, so one whose endpoint is down cannot hide another's recovery.
    const queues = [...members];
    for (let i = 0; i < queues.length; i++) {
      // Its outcome decides: answered() ends the spell, a failure schedules the next probe.
      if (queues[(probeTurn + i) % queues.length]!.probe()) return void (probeTurn += i + 1);
    }
    // Nothing waits: the next signal finds out for itself.
    goUp();
  }

  function onConnectionEvent({ type }: Event): void {
    if (type == "online") goUp();
    else goDown();
  }

  function listen(method: "addEventListener" | "removeEventListener"): void {
    // Outside a browser (no window events) there is nothing to hear.
    for (const type of ["online", "offline"]) globalThis[method]?.(type, onConnectionEvent);
  }

  return {
    isDown: () => down,
    answered: goUp,
    networkFailed() {
      failureStreak++;
      if (!down) {
        if (browserSaysOffline() || failureStreak >= OFFLINE_AFTER_NETWORK_FAILURES) goDown();
        return;
      }
      if (!browserSaysOffline() && ceilingLeftMs() <= 0) {
        // A request failed after the ceiling: the endpoint is blocked, not the page offline.
        const reason = blockedEndpointReason(giveUpMs());
        for (const member of [...members]) member.giveUp(reason);
      }
      scheduleProbe();
    },
    timedOut: scheduleProbe,
    join(member) {
      if (!members.size) listen("addEventListener");
      members.add(member);
      if (browserSaysOffline()) goDown();
      else scheduleProbe();
      return () => {
        if (!members.delete(member) || members.size) return;
        listen("removeEventListener");
        // Nobody is left to wait (or wake): the next queue finds out afresh.
        goUp();
      };
    },
  };
}
