import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { useChromiumPage } from "../support/browser-page";

const entry = new URL("./pages/core-widget.ts", import.meta.url);
const env = useChromiumPage(entry);
beforeEach(async () => {
  for (const open of env.browser.pages()) await open.close();
  env.server.requests.length = 0;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bodiesFor = (session: string) =>
  env.server.requests.map((request) => JSON.parse(request.body) as Record<string, any>).filter((body) => body.session_id === session);

describe("@kelet-ai/feedback-ui/core on a page without React, in real Chromium", () => {
  it("bundles into the page without any React module", async () => {
    const result = await build({ entryPoints: [fileURLToPath(entry)], bundle: true, write: false, metafile: true, format: "esm", logLevel: "silent" });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes("src/core/client.ts"))).toBe(true);
    expect(inputs.filter((input) => /react/i.test(input))).toEqual([]);
  });

  it("sends a button click's signal with the key and the click that caused it", async () => {
    const tab = await env.browser.newPage();
    await tab.goto(`${env.page.url}?session=core-click`);
    await tab.getByRole("button", { name: "Not helpful" }).click();
    await tab.waitForFunction(() => window.keletCore.settled.length === 1);
    expect(await tab.evaluate(() => window.keletCore.settled)).toEqual([{ session_id: "core-click" }]);
    const [body] = bodiesFor("core-click");
    expect(body).toMatchObject({ session_id: "core-click", score: 0, kind: "feedback", source: "human", trigger_name: "user-vote" });
    expect(body!.metadata.$dom_event).toMatchObject({ type: "click", label: "Not helpful" });
    const request = env.server.requests.find((r) => JSON.parse(r.body).session_id === "core-click")!;
    expect(request.url).toBe("/api/projects/core-page/signal");
    expect(request.headers.authorization).toBe("Bearer pk_core_page");
  });

  it("saves a signal still waiting for its Retry-After when the user leaves the page, and the next visit sends it at its time", async () => {
    // The first answer asks to come back in 3 s: the signal waits in the queue.
    env.server.plan({ status: 503, headers: { "Retry-After": "3" } });
    const tab = await env.browser.newPage();
    await tab.goto(`${env.page.url}?session=core-leave`);
    await tab.getByRole("button", { name: "Helpful", exact: true }).click();
    await env.server.waitForRequests(1);
    await sleep(500); // the 503 is read: the signal now waits 3 s for its retry
    expect(bodiesFor("core-leave")).toHaveLength(1);

    await tab.goto("about:blank"); // a real pagehide: the signal may not leave before its time, so it is saved
    await sleep(500);
    expect(bodiesFor("core-leave")).toHaveLength(1);
    await tab.goto(`${env.page.url}?session=core-return`);
    const deadline = Date.now() + 10_000;
    while (env.server.accepted().filter((body) => body.session_id === "core-leave").length === 0) {
      if (Date.now() > deadline) throw new Error("the saved signal was not sent on the next visit");
      await sleep(50);
    }
    const [first, retry] = env.server.requests.filter((r) => JSON.parse(r.body).session_id === "core-leave");
    expect(retry!.receivedAtMs - first!.receivedAtMs).toBeGreaterThanOrEqual(2900);
    expect(bodiesFor("core-leave")).toHaveLength(2);
  });
});

describe("@kelet-ai/feedback-ui/core loaded as built, without any bundler (a <script type=module> page)", () => {
  const dist = fileURLToPath(new URL("../../dist/", import.meta.url));

  /** Serves dist/ as is, and a page whose inline module script imports dist/core/index.js: no `process`, no React. */
  async function serveUnbundledPage(signalOrigin: string) {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>no bundler</title></head><body>
      <button id="up">Helpful</button>
      <script type="module">
        import { createKeletClient } from "/dist/core/index.js";
        const kelet = createKeletClient({ apiKey: "pk_unbundled", project: "core-page", baseUrl: ${JSON.stringify(signalOrigin)} });
        window.settled = [];
        document.getElementById("up").addEventListener("click", () =>
          kelet.signal({ session_id: "unbundled", score: 1 }).then(() => settled.push("ok"), (error) => settled.push(String(error))));
        window.ready = true;
      </script></body></html>`;
    const server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0]!;
      if (path.startsWith("/dist/")) {
        const file = normalize(join(dist, path.slice("/dist/".length)));
        if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
        res.writeHead(200, { "Content-Type": "text/javascript" }).end(readFileSync(file));
      } else {
        res.writeHead(200, { "Content-Type": "text/html" }).end(html);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
    };
  }

  it("sends a click's signal from the built ESM files, with no process global on the page", async () => {
    expect(existsSync(join(dist, "core/index.js")), "run `npm run build` first").toBe(true);
    const served = await serveUnbundledPage(env.server.origin);
    try {
      const tab = await env.browser.newPage();
      const pageErrors: string[] = [];
      tab.on("pageerror", (error) => pageErrors.push(error.message));
      await tab.goto(served.url);
      await tab.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
      expect(await tab.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe("undefined");
      await tab.getByRole("button", { name: "Helpful" }).click();
      await tab.waitForFunction(() => (window as unknown as { settled: string[] }).settled.length === 1);
      expect(await tab.evaluate(() => (window as unknown as { settled: string[] }).settled)).toEqual(["ok"]);
      expect(bodiesFor("unbundled")[0]!.metadata.$dom_event).toMatchObject({ type: "click", label: "Helpful" });
      expect(pageErrors).toEqual([]);
    } finally {
      await served.close();
    }
  });
});
