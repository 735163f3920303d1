import { MAX_SIGNAL_BYTES, STORED_SIGNAL_MAX_AGE_MS } from "../../src/core/delivery/constants";
import type { PageLoad } from "./sim-tab";
import type { SentSignal, SimWorld } from "./sim-world";

/** A rejection that is not an end: the signal waits in storage for the next visit. */
const DEFERRED = /saved for the next visit/;
/** A signal the library let go though it was neither delivered, refused, nor saved (rule 15). */
const DROPPED_FROM_MEMORY = /not saved \(storage is unavailable\)(?!, kept in memory)/;
/** Reasons that blame the network. */
const NETWORK_BLAME = /unreachable|offline|network error|blocked|saved for the next visit/i;

const utf8 = (text: string) => Buffer.byteLength(text);

/**
 * The checks after a run. Each returns sentences naming the signal and what
 * went wrong; an empty list is a pass.
 */
export function checkInvariants(world: SimWorld, finalVisitWallMs: number, liveLoads: PageLoad[]): string[] {
  const failures: string[] = [...world.problems];
  const accepted = new Map<string, { atMs: number; loadId: string; answerLost: boolean; body: string }[]>();
  for (const request of world.server.requests) {
    if (request.status < 200 || request.status >= 300 || !request.simId) continue;
    (accepted.get(request.simId) ?? accepted.set(request.simId, []).get(request.simId)!).push(request);
  }
  const liveLoadIds = new Set(liveLoads.map((l) => l.loadId));
  const endWallMs = world.clock.wallMs();

  for (const signal of world.signals.values()) {
    if (signal.state == "invalid") continue;
    const acceptances = accepted.get(signal.simId) ?? [];
    // ("Kept in memory" at the blocked ceiling is an end for the caller: told once, as 18.9 decided.)
    const finals = signal.rejections.filter((r) => !DEFERRED.test(r.message));
    const name = `${signal.simId} (${signal.loadId}, ${signal.destKey}, session ${signal.session})`;

    // Resolved means delivered.
    // (or another page load provably took it over, RELIABILITY rule 7: then that load sent it, and its app hears the outcome).
    const takenOver =
      world.server.attempts.some((r) => r.simId == signal.simId && r.loadId != signal.loadId) || signal.rejections.some((r) => r.loadId != signal.loadId);
    if (signal.state == "resolved" && !acceptances.length && !takenOver) failures.push(`${name} resolved but the server never accepted its body`);

    // Delivered at least once, or rejected exactly once with a reason.
    if (!acceptances.length) {
      // A saved signal may expire (7 days, counted by the tabs' wall clock): discarded, as documented.
      const latestWallMs = Math.max(endWallMs, world.clock.maxWallMs);
      const expired = !!signal.expiredWhenPlanted || (latestWallMs - signal.sentAtWallMs >= STORED_SIGNAL_MAX_AGE_MS && (signal.planted || world.storage.everSaved.has(signal.simId)));
      // Unavoidable by design: its last request was a keepalive one that outlived its page and failed. The page keeps
      // no copy of a request in flight (each copy would be sent again on the next visit, a duplicate for the many that
      // are accepted), and nobody is left to read the answer.
      const lastAttempt = world.server.attempts.filter((a) => a.simId == signal.simId).at(-1);
      const holder = lastAttempt && world.loads.find((l) => l.loadId == lastAttempt.loadId);
      const lostWithPage = !!lastAttempt?.keepalive && !!holder && !holder.alive;
      if (finals.length == 0 && !expired && !lostWithPage) {
        failures.push(`${name} was lost: never accepted by the server, and ${signal.rejections.length ? `only told "${signal.rejections.at(-1)!.message}"` : "never rejected"} (state ${signal.state})`);
      }
    }
    // Two page loads that both took a saved signal (a hand-over race) each tell their own app.
    const finalsPerLoad = new Map<string, number>();
    for (const r of finals) finalsPerLoad.set(r.loadId, (finalsPerLoad.get(r.loadId) ?? 0) + 1);
    if ([...finalsPerLoad.values()].some((n) => n > 1)) failures.push(`${name} was rejected ${finals.length} times: ${finals.map((r) => `"${r.message}"`).join(", ")}`);
    for (const rejection of signal.rejections) {
      if (DROPPED_FROM_MEMORY.test(rejection.message) && signal.persist && !acceptances.length)
        failures.push(`${name} left memory neither delivered, refused nor saved: "${rejection.message}"`);
    }

    // Nothing pending once the run settles (a page that closed cannot be awaited).
    if (signal.state == "pending" && liveLoadIds.has(signal.loadId)) failures.push(`${name} is still pending after the run settled`);

    // A configuration that cannot make a request is an error at once, never "offline", and nothing of it is saved.
    if (signal.destination.broken || isBrokenTransport(world, signal)) {
      const why = signal.destination.broken ?? "no usable fetch";
      const first = signal.rejections[0];
      // A page without a usable fetch may save what it could not try; another page may then deliver it.
      if (acceptances.length && signal.destination.broken) failures.push(`${name} (${why}) was accepted by the server?`);
      else if (acceptances.length) continue;
      else if (!first && liveLoadIds.has(signal.loadId)) failures.push(`${name} (${why}) was never rejected`);
      else if (first && NETWORK_BLAME.test(first.message))
        failures.push(`${name} (${why}) was taken for a network failure: rejected after ${first.atMs - signal.sentAtMs} ms with "${first.message}"`);
      if (signal.destination.broken && world.storage.everSaved.has(signal.simId)) failures.push(`${name} (${why}) was saved to storage, to fail again on every visit`);
    }

    // Every duplicate has a cause: a lost answer, or a hand-over between page loads.
    if (acceptances.length > 1) {
      const lost = acceptances.filter((a) => a.answerLost).length;
      const loads = new Set(acceptances.map((a) => a.loadId)).size;
      if (acceptances.length - 1 > lost && loads < 2)
        failures.push(`${name} was accepted ${acceptances.length} times by ${loads} page load(s) with ${lost} lost answer(s): an unexplained duplicate`);
    }

    // The body is what was sent; a cut value keeps the longest prefix that fits.
    if (signal.value !== undefined) {
      for (const body of new Set(acceptances.map((a) => a.body))) {
        const problem = checkTruncation(signal.value, body);
        if (problem) failures.push(`${name}: ${problem}`);
      }
    }
  }

  failures.push(...checkOrder(world, accepted));
  failures.push(...checkRetryAfter(world));
  for (const line of world.server.keepaliveOverBudget) failures.push(`keepalive over the browser's 64 KiB: ${line}`);

  // Nothing in storage older than its maximum age, after a load saw it.
  for (const [key, value] of world.storage.backing) {
    if (!key.startsWith("kelet:unsent:")) continue;
    let records: unknown;
    try {
      records = JSON.parse(value);
    } catch {
      continue;
    }
    if (!Array.isArray(records)) continue;
    for (const record of records as { queuedAtMs?: unknown; id?: unknown }[]) {
      if (record && typeof record.queuedAtMs == "number" && record.queuedAtMs < finalVisitWallMs - STORED_SIGNAL_MAX_AGE_MS)
        failures.push(`storage still holds ${key} record ${String(record.id)} saved ${((finalVisitWallMs - record.queuedAtMs) / 86_400_000).toFixed(1)} days before the last load`);
    }
  }

  // No timer or listener left after the last client closed.
  for (const load of liveLoads) {
    if (load.timers.size) failures.push(`${load.loadId} still has ${load.timers.size} timer(s) after every client closed and every signal settled: ${[...load.timerInfo.values()].slice(0, 5).join(", ")}`);
    if (load.listenerCount()) failures.push(`${load.loadId} still has ${load.listenerCount()} listener(s) after every client closed: ${[...load.window.listeners, ...load.document.listeners].filter(([, s]) => s.size).map(([k]) => k)}`);
  }
  for (const load of world.loads) {
    for (const line of load.logs) if (/delivery failed unexpectedly|page-hide handler failed/.test(line)) failures.push(`${load.loadId} logged a bug: ${line}`);
  }
  return failures;
}

function isBrokenTransport(world: SimWorld, signal: SentSignal): boolean {
  const client = world.clients.find((c) => c.id == signal.clientId);
  return !!client && (client.load.options.fetchMissing ? !client.fetchProp || client.fetchProp == "throwing" : client.fetchProp == "throwing");
}

/** A value sent whole, or cut to the longest prefix whose UTF-8 body fits, with the marker; `undefined` when right. */
export function checkTruncation(original: string, body: string): string | undefined {
  const parsed = JSON.parse(body) as { value?: string };
  const sent = parsed.value;
  if (sent === original) return;
  const marker = /…\[truncated (\d+) chars\]$/.exec(sent ?? "");
  if (!marker || sent === undefined) return `the server got a value that is neither the one sent nor a cut of it`;
  const head = sent.slice(0, sent.length - marker[0].length);
  if (!original.startsWith(head) || Number(marker[1]) != original.length - head.length) return `the cut value is not a prefix of the one sent, or its marker miscounts`;
  if (/[\ud800-\udbff]$/.test(head)) return `the cut splits a surrogate pair`;
  // One more character (a whole code point) would not have fitted.
  const next = original.codePointAt(head.length)!;
  const longer = head + String.fromCodePoint(next);
  const candidate = JSON.stringify({ ...parsed, value: `${longer}…[truncated ${original.length - longer.length} chars]` });
  if (utf8(candidate) <= MAX_SIGNAL_BYTES)
    return `the value was cut to ${head.length} of ${original.length} characters (${utf8(body)} bytes) though ${longer.length} fit in ${MAX_SIGNAL_BYTES} bytes`;
}

/** Each page load's signals of one session reach one destination in the order sent (first acceptance of each). */
function checkOrder(world: SimWorld, accepted: Map<string, { atMs: number }[]>): string[] {
  const failures: string[] = [];
  const groups = new Map<string, SentSignal[]>();
  for (const signal of world.signals.values()) {
    if (signal.state == "invalid" || signal.planted) continue;
    const key = `${signal.loadId}|${signal.destKey}|${signal.session}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(signal);
  }
  for (const list of groups.values()) {
    let latest: { signal: SentSignal; atMs: number } | undefined;
    for (const signal of list) {
      const first = accepted.get(signal.simId)?.[0];
      if (!first) continue;
      // An earlier signal whose caller was already told it failed may come later.
      if (latest && first.atMs < latest.atMs && !latest.signal.rejections.some((r) => r.atMs <= signal.sentAtMs)) {
        failures.push(`${signal.simId} reached the server at ${first.atMs} ms, before ${latest.signal.simId} (sent earlier in session ${signal.session} by ${signal.loadId}) at ${latest.atMs} ms`);
      }
      if (!latest || first.atMs > latest.atMs) latest = { signal, atMs: first.atMs };
    }
  }
  return failures;
}

/** Nothing with the same body from the same page load arrives before the server's Retry-After ends. */
function checkRetryAfter(world: SimWorld): string[] {
  const failures: string[] = [];
  for (const promise of world.server.retryAfters) {
    const early = world.server.requests.find((r) => r.loadId == promise.loadId && r.body == promise.body && r.atMs > promise.atMs && r.atMs < promise.notBeforeMs);
    if (early)
      failures.push(`${promise.simId} came back ${early.atMs - promise.atMs} ms after a Retry-After of ${promise.notBeforeMs - promise.atMs} ms (${promise.loadId}${early.keepalive ? ", keepalive" : ""})`);
  }
  return failures;
}
