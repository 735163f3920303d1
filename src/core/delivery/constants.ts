/**
 * Every number delivery works by, named once with its unit.
 * The README's "Reliable delivery" table lists them.
 */

/** Attempts a signal gets against answers that may succeed later (408, 429, 5xx) and time-outs. */
export const MAX_ATTEMPTS = 10;
/** First retry waits between half and all of this; each later retry doubles it. */
export const BASE_RETRY_DELAY_MS = 250;
/** The doubling stops here. */
export const MAX_RETRY_DELAY_MS = 5_000;
/** A server's `Retry-After` is obeyed up to this long. */
export const MAX_RETRY_AFTER_MS = 20_000;
/**
 * No retry starts later than this after a signal's first attempt (time spent
 * offline does not count), so a direct `feedback()` against a failing server
 * settles within RETRY_WINDOW_MS + REQUEST_TIMEOUT_MS (55 s).
 */
export const RETRY_WINDOW_MS = 45_000;
/** A request without an answer after this long is aborted and counts as a failed attempt. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** This many connection-level failures in a row (or `navigator.onLine === false`) mean "offline". */
export const OFFLINE_AFTER_NETWORK_FAILURES = 2;
/** While offline, the first probe waits this long; each failed probe doubles it. */
export const FIRST_PROBE_DELAY_MS = 1_000;
/** The longest wait between two probes while offline. */
export const MAX_PROBE_DELAY_MS = 30_000;
/** Requests one queue keeps in flight at once (at most one per session, to keep each session's order). */
export const MAX_IN_FLIGHT = 4;
/** Signals waiting in memory; beyond it the oldest is dropped and reported. */
export const MAX_QUEUED_SIGNALS = 2_000;
/** Bytes of JSON waiting in memory; beyond it the oldest is dropped and reported. */
export const MAX_QUEUED_BYTES = 2 * 1024 * 1024;
/** One signal's JSON; a longer `value` is truncated with a marker, anything still larger is refused. */
export const MAX_SIGNAL_BYTES = 32 * 1024;
/**
 * Bytes of `keepalive` request bodies in flight at once. Browsers allow 64 KiB
 * per page; the margin leaves room for the app's own beacons.
 */
export const KEEPALIVE_BUDGET_BYTES = 60_000;
/** `keepalive` requests in flight at once (Chromium refuses more than a few dozen). */
export const MAX_KEEPALIVE_REQUESTS = 15;
/** Signals saved in `localStorage` per base URL, project and key. */
export const MAX_STORED_SIGNALS = 500;
/** Bytes of JSON saved in `localStorage` per base URL, project and key. */
export const MAX_STORED_BYTES = 512 * 1024;
/** A saved signal older than this is discarded on the next load. */
export const STORED_SIGNAL_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Without `navigator.locks`, a tab holds the drain lease this long at most. */
export const DRAIN_LEASE_MS = 10_000;
/** Without `navigator.locks`, a tab waits this long before checking its lease is still its own (longer than another tab's writes take to reach its copy). */
export const DRAIN_LEASE_SETTLE_MS = 250;
/** Without `navigator.locks`, how often a tab tries for the lease before leaving the drain to the holder. */
export const DRAIN_LEASE_TRIES = 5;
/**
 * A tab that took the saved signals keeps the drain lock (or lease) this long: every other tab reads its own copy
 * of localStorage, which hears of the take only a moment later (~100-200 ms seen in Chromium on a busy machine).
 */
export const DRAIN_HOLD_MS = 1_000;

/**
 * While the browser says it is online but every request fails at the network
 * level (an ad blocker or firewall blocking the endpoint), signals wait this
 * long; then they are saved for the next visit and their promises reject.
 */
export const BLOCKED_ENDPOINT_GIVE_UP_MS = 2 * 60 * 1000;
/** Hand-over records ("tab X took signal Y") kept so a tab that saved a signal can prove another tab took it. */
export const MAX_CLAIM_RECORDS = 1_000;

/**
 * The numbers a queue works by that tests may shrink (injected through the sender's config, never changed in place);
 * each is read with its constant above as the default.
 */
export type DeliveryTuning = Partial<{
  requestTimeoutMs: number;
  maxQueuedSignals: number;
  maxQueuedBytes: number;
  firstProbeDelayMs: number;
  blockedEndpointGiveUpMs: number;
}>;

/** The wall clock: what is stored (queued times, saved retry times, leases), since it means the same after a reload. */
export const nowMs = (): number => Date.now();

/**
 * The clock every in-memory wait is measured by: monotonic where the page has `performance.now()`, so a clock moved
 * forward does not cut a `Retry-After` short, nor one moved back hold a retry for an hour. Fake timers replace it too.
 */
export const monoMs = (): number => (typeof performance == "object" && typeof performance?.now == "function" ? performance.now() : Date.now());
