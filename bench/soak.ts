/**
 * Soak: 10,000 signals through the real delivery queue against a local server
 * that fails 30% of requests at random, while the "browser" goes offline twice
 * (once the server refuses connections, once navigator.onLine turns false).
 * Prints delivered / duplicated / lost and the client's peak memory.
 */
import { fork, type ChildProcess } from "node:child_process";
import { createFeedbackFunction } from "../src/core/feedback-function";
import { createSignalSender } from "../src/core/signal-sender";

const SIGNALS = 10_000;
const SESSIONS = 200;
const SEND_PER_TICK = 25;
const TICK_MS = 100; // 250 signals per second
const OUTAGE_MS = 3_000;

// A small browser shim: navigator.onLine and a window that hears online/offline.
const fakeWindow = new EventTarget();
let online = true;
Object.defineProperty(globalThis, "navigator", { value: { get onLine() { return online; } }, configurable: true });
Object.defineProperty(globalThis, "window", { value: fakeWindow, configurable: true });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startServer(serverFile: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = fork(serverFile, { stdio: "inherit" });
  return new Promise((resolve) => child.once("message", (m: { origin: string }) => resolve({ child, origin: m.origin })));
}

function ask<T>(child: ChildProcess, type: string, reply: string): Promise<T> {
  // The IPC channel alone does not keep this process alive while it waits for the answer.
  const hold = setInterval(() => {}, 1_000);
  return new Promise((resolve) => {
    const listen = (m: { type: string; of?: string }) => {
      if (m.type === reply && (reply !== "done" || m.of === type)) {
        child.off("message", listen);
        clearInterval(hold);
        resolve(m as T);
      }
    };
    child.on("message", listen);
    child.send({ type });
  });
}

const { child, origin } = await startServer(process.argv[2]!);
let peakRssBytes = 0;
let peakHeapBytes = 0;
const sampler = setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage();
  peakRssBytes = Math.max(peakRssBytes, rss);
  peakHeapBytes = Math.max(peakHeapBytes, heapUsed);
}, 50);
const baselineHeapBytes = process.memoryUsage().heapUsed;

const reported: string[] = [];
const sender = createSignalSender({ apiKey: "pk_soak", project: "soak", baseUrl: origin });
const stop = sender.start();
const feedback = createFeedbackFunction({
  sender,
  disabled: false,
  debug: false,
  reportFailure: (error) => reported.push(error.message),
});

const startedMs = Date.now();
const settled: Array<Promise<void>> = [];
let outages = 0;
for (let n = 0; n < SIGNALS; n += SEND_PER_TICK) {
  if (n === 2_500) {
    outages += 1;
    console.log(`[${((Date.now() - startedMs) / 1000).toFixed(1)} s] offline #1: the server refuses connections for ${OUTAGE_MS / 1000} s`);
    await ask(child, "down", "done");
    setTimeout(() => void ask(child, "up", "done"), OUTAGE_MS);
  }
  if (n === 6_000) {
    outages += 1;
    console.log(`[${((Date.now() - startedMs) / 1000).toFixed(1)} s] offline #2: navigator.onLine is false for ${OUTAGE_MS / 1000} s`);
    online = false;
    fakeWindow.dispatchEvent(new Event("offline"));
    setTimeout(() => {
      online = true;
      fakeWindow.dispatchEvent(new Event("online"));
    }, OUTAGE_MS);
  }
  for (let i = n; i < Math.min(SIGNALS, n + SEND_PER_TICK); i++) {
    const sent = feedback({
      session_id: `soak-session-${i % SESSIONS}`,
      score: i % 2,
      trigger_name: "soak",
      value: `signal ${i}`,
      metadata: { soak_id: String(i) },
    });
    settled.push(sent.catch(() => {}));
  }
  await sleep(TICK_MS);
}
await Promise.all(settled);
const elapsedS = (Date.now() - startedMs) / 1000;
stop();
clearInterval(sampler);

const stats = await ask<{ accepted: Record<string, number>; lostAnswers: Record<string, number>; requests: number; byStatus: Record<string, number> }>(
  child,
  "stats",
  "stats",
);
child.send({ type: "close" });
let delivered = 0;
let duplicated = 0;
let unexplainedDuplicates = 0;
let lost = 0;
for (let i = 0; i < SIGNALS; i++) {
  const copies = stats.accepted[String(i)] ?? 0;
  if (copies === 0) lost += 1;
  else delivered += 1;
  if (copies > 1) {
    duplicated += copies - 1;
    // A duplicate is expected only when the server accepted a body and the answer never came back.
    if (copies - 1 > (stats.lostAnswers[String(i)] ?? 0)) unexplainedDuplicates += 1;
  }
}
(globalThis as { gc?: () => void }).gc?.();
const retainedHeapBytes = process.memoryUsage().heapUsed;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log("");
console.log(`signals sent:        ${SIGNALS} (${SESSIONS} sessions, ${outages} offline periods of ${OUTAGE_MS / 1000} s)`);
console.log(`requests served:     ${stats.requests} (${Object.entries(stats.byStatus).map(([s, c]) => `${s}: ${c}`).join(", ")})`);
console.log(`delivered:           ${delivered}`);
console.log(`duplicated:          ${duplicated} (answers lost after the server accepted: ${Object.values(stats.lostAnswers).reduce((a, b) => a + b, 0)}; unexplained: ${unexplainedDuplicates})`);
console.log(`lost:                ${lost}`);
console.log(`reported to onError: ${reported.length}${reported.length ? ` (${[...new Set(reported)].join("; ")})` : ""}`);
console.log(`peak memory:         rss ${mb(peakRssBytes)}, heap ${mb(peakHeapBytes)} (heap at start ${mb(baselineHeapBytes)}, after delivery and GC ${mb(retainedHeapBytes)})`);
console.log(`time:                ${elapsedS.toFixed(1)} s`);
process.exit(lost === 0 && unexplainedDuplicates === 0 ? 0 : 1);
