import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { useChromiumPage } from "../support/browser-page";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../support/chromium";

const env = useChromiumPage(new URL("./pages/delivery-page.tsx", import.meta.url));
beforeEach(async () => {
  await env.browser.setOffline(false);
  for (const open of env.browser.pages()) await open.close();
  env.server.requests.length = 0;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openPage(query = "", context: BrowserContext = env.browser): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto(`${env.page.url}${query}`);
  await tab.waitForFunction(() => typeof window.kelet?.feedback === "function");
  return tab;
}

function send(tab: Page, signals: Array<Record<string, unknown>>) {
  return tab.evaluate((list) => {
    for (const signal of list) void window.kelet.feedback!(signal as never).catch(() => {});
  }, signals);
}

/** Requests whose session id starts with `prefix`: a tab closed by the previous test may still land one of its own. */
function requestsFor(prefix: string) {
  return env.server.requests.filter((request) => String(JSON.parse(request.body).session_id).startsWith(prefix));
}

/** Counts, per session id, the bodies the server accepted. */
function acceptedCounts(prefix: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const body of env.server.accepted()) {
    const id = String(body.session_id);
    if (id.startsWith(prefix)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

async function waitForAcceptedIds(prefix: string, count: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (acceptedCounts(prefix).size < count) {
    if (Date.now() > deadline) throw new Error(`only ${acceptedCounts(prefix).size} of ${count} "${prefix}" signals arrived`);
    await sleep(50);
  }
  await sleep(500); // anything sent twice would have arrived by now
  return acceptedCounts(prefix);
}

/** Waits until the page has read every answer, so nothing is still in flight. */
function answersRead(tab: Page) {
  return tab.waitForFunction(() => window.kelet.keepalive.bytesInFlight === 0);
}

/** Turns the network off and waits until the page has heard about it. */
async function goOffline(context: BrowserContext, tab: Page) {
  const heard = await tab.evaluate(() => window.kelet.offlineEvents);
  await context.setOffline(true);
  await tab.waitForFunction((before) => window.kelet.offlineEvents > before, heard);
}

function hideWithoutUnloading(tab: Page) {
  return tab.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
}

function showAgain(tab: Page) {
  return tab.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
}

describe("delivery in real Chromium", () => {
  it("offline with big edits and the page hidden twice, storage over its caps: no promise resolves unless the server accepted its signal", async () => {
    const tab = await openPage();
    await tab.evaluate(() => localStorage.clear());
    await goOffline(env.browser, tab);
    // 20 KB each: 40 of them are more than the 512 KiB saved per key, so the second hide evicts saved copies.
    const big = (n: number) => ({ session_id: `r1-${n}`, kind: "edit", trigger_name: "manual_refinement", value: `${n}:`.padEnd(20_000, "x") });
    await send(tab, Array.from({ length: 20 }, (_, n) => big(n)));
    await hideWithoutUnloading(tab);
    await showAgain(tab);
    await send(tab, Array.from({ length: 20 }, (_, n) => big(20 + n)));
    await hideWithoutUnloading(tab);
    await showAgain(tab);
    await env.browser.setOffline(false);
    await tab.waitForFunction(() => window.kelet.settled.filter((s) => s.session_id.startsWith("r1-")).length === 40, undefined, { timeout: 30_000 });
    const settled = await tab.evaluate(() => window.kelet.settled.filter((s) => s.session_id.startsWith("r1-")));
    const accepted = acceptedCounts("r1-");
    expect(settled.filter((s) => !s.error && !accepted.has(s.session_id)).map((s) => s.session_id)).toEqual([]);
    expect(settled.filter((s) => s.error)).toEqual([]);
    expect(accepted.size).toBe(40);
  });

  it("case 8: offline (context.setOffline) sends nothing and delivers everything once on reconnection", async () => {
    const tab = await openPage();
    await goOffline(env.browser, tab);
    await send(tab, [1, 2, 3].map((n) => ({ session_id: `c8-${n}`, score: 1 })));
    await sleep(1500);
    expect(requestsFor("c8-")).toHaveLength(0);
    await env.browser.setOffline(false);
    const counts = await waitForAcceptedIds("c8-", 3);
    expect([...counts.values()]).toEqual([1, 1, 1]);
    expect(requestsFor("c8-")).toHaveLength(3);
  });

  it("case 9: page hidden with an edit pending and signals queued: one keepalive flush with the key, never over the budget", async () => {
    const queued = 20;
    // The first four (MAX_IN_FLIGHT) are answered late, so the other sixteen wait their turn, due now, when the page hides.
    env.server.plan(...Array(4).fill({ status: 200, delayMs: 4000 }));
    const tab = await openPage();
    // 20 signals of ~3.2 KB: together more than the 64 KiB a page may have in flight with keepalive.
    await send(tab, Array.from({ length: queued }, (_, n) => ({ session_id: `c9-${n}`, score: 0, value: "x".repeat(3000) })));
    await env.server.waitForRequests(4, 10_000);
    await sleep(200);
    await tab.evaluate(() => {
      window.kelet.pendingEdit = { session_id: "c9-edit", kind: "edit", trigger_name: "manual_refinement", value: "+fixed" };
    });
    const before = env.server.requests.length;
    const keepaliveBefore = await tab.evaluate(() => window.kelet.keepalive.requests);
    await hideWithoutUnloading(tab);
    await sleep(1000);

    const flushed = env.server.requests.slice(before).filter((request) => String(JSON.parse(request.body).session_id).startsWith("c9-"));
    const stats = await tab.evaluate(() => window.kelet.keepalive);
    expect(stats.requests - keepaliveBefore).toBe(flushed.length);
    expect(flushed.length).toBeGreaterThan(10);
    expect(flushed.length).toBeLessThan(queued + 1 - 4); // not everything fits: the rest was saved
    expect(flushed.every((r) => r.headers.authorization === "Bearer pk_e2e")).toBe(true);
    // The edit emitted at the hide went out with the flush, or was saved with what did not fit (delivered below).
    expect(stats.maxBytesInFlight).toBeLessThanOrEqual(64 * 1024);
    expect(stats.refused).toBe(0);
    const saved = await tab.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith("kelet:unsent:"))
        .flatMap((k) => JSON.parse(localStorage.getItem(k)!) as unknown[]).length,
    );
    // The four in flight are keepalive requests, which outlive the page: not saved.
    expect(saved).toBe(queued + 1 - 4 - flushed.length);

    // Leaving and coming back delivers the rest; nothing arrives twice.
    await tab.goto("about:blank");
    await openPage();
    const counts = await waitForAcceptedIds("c9-", queued + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it("a comment never overtakes the vote it explains when the tab is hidden, and the vote waits its Retry-After", async () => {
    env.server.plan({ status: 503, headers: { "Retry-After": "2" } });
    const tab = await openPage();
    await send(tab, [{ session_id: "r13-chat", score: 0, trigger_name: "vote" }]);
    await env.server.waitForRequests(1, 10_000);
    await answersRead(tab);
    await send(tab, [{ session_id: "r13-chat", kind: "feedback", value: "it ignored my question", trigger_name: "comment" }]);
    await hideWithoutUnloading(tab);
    await sleep(500);
    // Nothing raced out at the hide: the vote waits the 2 s it was asked to, the comment waits for the vote.
    expect(requestsFor("r13-")).toHaveLength(1);
    // Leaving now saves both, with the vote's retry time; the next visit sends them in order, the vote not before its time.
    await tab.goto("about:blank");
    await openPage();
    await waitForAcceptedIds("r13-", 1, 15_000);
    await sleep(1000);
    const requests = requestsFor("r13-");
    const triggers = requests.map((request) => JSON.parse(request.body).trigger_name);
    expect(triggers).toEqual(["vote", "vote", "comment"]);
    expect(requests[1]!.receivedAtMs - requests[0]!.receivedAtMs).toBeGreaterThanOrEqual(1900);
  });

  for (const variant of ["", "?nolocks"]) {
    it(`case 10: page closed with signals unsent, reopened in two tabs: each delivered exactly once${variant ? " (no Web Locks)" : ""}`, async () => {
      // Offline emulation is DevTools state held by the tab's current document. With RenderDocument (Chromium's default),
      // leaving a page moves it to the next document while the old one still runs its unload: the old page hears a
      // spurious `online` (navigator.onLine true, or still false) and its requests leave unemulated, so one run in eight
      // the queue sent what waited and 4 requests reached the server "while offline". Without RenderDocument the page is
      // left in place and stays offline to the end; nothing the library does depends on it.
      const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "kelet-case10-")), {
        executablePath: CHROMIUM_EXECUTABLE,
        headless: true,
        args: [...CHROMIUM_ARGS, "--disable-features=RenderDocument"],
      });
      try {
        const prefix = `c10${variant ? "l" : ""}-`;
        const tab = await openPage(variant, browser);
        await tab.evaluate(() => localStorage.clear());
        await goOffline(browser, tab);
        await send(tab, Array.from({ length: 5 }, (_, n) => ({ session_id: `${prefix}${n}`, score: 1 })));
        await sleep(300);
        await tab.goto("about:blank"); // a real pagehide
        await tab.close();
        await browser.setOffline(false);
        expect(requestsFor(prefix)).toHaveLength(0);

        const [a, b] = await Promise.all([browser.newPage(), browser.newPage()]);
        await Promise.all([a.goto(`${env.page.url}${variant}`), b.goto(`${env.page.url}${variant}`)]);
        const counts = await waitForAcceptedIds(prefix, 5);
        expect([...counts.values()]).toEqual([1, 1, 1, 1, 1]);
        expect(requestsFor(prefix)).toHaveLength(5);
      } finally {
        await browser.close();
      }
    });
  }

  it("keeps its listeners after a return from the back/forward cache", async () => {
    // Playwright turns the back/forward cache off by default; this browser keeps it on.
    const bfcacheBrowser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "kelet-bfcache-")), {
      executablePath: CHROMIUM_EXECUTABLE,
      headless: true,
      args: CHROMIUM_ARGS,
      ignoreDefaultArgs: ["--disable-back-forward-cache"],
    });
    try {
      const tab = await openPage("", bfcacheBrowser);
      await tab.goto(`${env.page.url}blank`);
      await tab.goBack({ waitUntil: "commit" });
      await tab.waitForFunction(() => window.kelet?.pageshows.length === 2);
      expect(await tab.evaluate(() => window.kelet.pageshows)).toEqual([false, true]);

      // online/offline listeners still work...
      await goOffline(bfcacheBrowser, tab);
      await send(tab, [{ session_id: "bf-offline", score: 1 }]);
      await sleep(500);
      expect(requestsFor("bf-offline")).toHaveLength(0);
      await bfcacheBrowser.setOffline(false);
      await waitForAcceptedIds("bf-offline", 1);

      // ...and so does the page-hide flush: four slow requests fill the in-flight slots, the fifth signal waits its turn
      // and leaves only with the flush (before any slot frees).
      env.server.plan(...Array(4).fill({ status: 200, delayMs: 4000 }));
      const before = env.server.requests.length;
      await send(tab, [1, 2, 3, 4].map((n) => ({ session_id: `bf-slot-${n}`, score: 1 })));
      await env.server.waitForRequests(before + 4);
      await send(tab, [{ session_id: "bf-hide", score: 1 }]);
      await sleep(300);
      expect(requestsFor("bf-hide")).toHaveLength(0);
      await hideWithoutUnloading(tab);
      const counts = await waitForAcceptedIds("bf-hide", 1, 3000);
      expect(counts.get("bf-hide")).toBe(1);
    } finally {
      await bfcacheBrowser.close();
    }
  });
});
