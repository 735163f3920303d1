import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser-page";

// The README's "A proxy or stand-in server", built exactly as it says, on another origin than the page, in
// real Chromium (the browser is what enforces the preflight).

const dist = fileURLToPath(new URL("../../dist/", import.meta.url));

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A stand-in for the Kelet API: `allowHeaders` is what its preflight allows; `statuses` are its POST answers in turn. */
function standIn(allowHeaders: string) {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const cors = { "Access-Control-Allow-Origin": req.headers.origin ?? "*" };
      if (req.method === "OPTIONS") {
        res.writeHead(204, { ...cors, "Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": allowHeaders }).end();
        return;
      }
      res.writeHead(statuses.shift() ?? 200, { ...cors, "Access-Control-Expose-Headers": "Retry-After", "Retry-After": "0" }).end("{}");
    });
  });
  return { server, received, statuses, posts: () => received.filter((request) => request.method === "POST") };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const good = standIn("authorization, content-type");
const noAuthorization = standIn("content-type");
let page: Server;
let pageUrl: string;
let browser: BrowserContext;
let tab: Page;

beforeAll(async () => {
  expect(existsSync(join(dist, "core/index.js")), "run `npm run build` first").toBe(true);
  const [goodOrigin, noAuthorizationOrigin] = await Promise.all([listen(good.server), listen(noAuthorization.server)]);
  // A plain page on its own origin that loads the built /core entry and sends on demand.
  const html = `<!doctype html><html><body><script type="module">
    import { createKeletClient } from "/dist/core/index.js";
    const clients = {
      good: createKeletClient({ apiKey: "pk-kelet-proxy", project: "support-bot", baseUrl: ${JSON.stringify(goodOrigin)}, onError: () => {} }),
      noAuthorization: createKeletClient({ apiKey: "pk-kelet-proxy", project: "support-bot", baseUrl: ${JSON.stringify(noAuthorizationOrigin)}, onError: () => {} }),
    };
    window.send = (which, data) => clients[which].signal(data).then(() => "resolved", (error) => "rejected: " + error.message);
    window.ready = true;
  </script></body></html>`;
  page = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (path.startsWith("/dist/")) {
      const file = normalize(join(dist, path.slice("/dist/".length)));
      if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { "Content-Type": "text/javascript" }).end(readFileSync(file));
    } else {
      res.writeHead(200, { "Content-Type": "text/html" }).end(html);
    }
  });
  pageUrl = `${await listen(page)}/`;
  browser = await launchChromium();
  tab = await browser.newPage();
  await tab.goto(pageUrl);
  await tab.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
});
afterAll(async () => {
  await browser?.close();
  for (const server of [page, good.server, noAuthorization.server]) {
    server?.closeAllConnections();
    server?.close();
  }
});

function send(which: "good" | "noAuthorization", data: Record<string, unknown>): Promise<string> {
  return tab.evaluate(([client, signal]) => (window as unknown as { send(w: string, d: unknown): Promise<string> }).send(client, signal), [which, data] as const);
}

describe("a stand-in server built as the README says, on another origin (real Chromium)", () => {
  it("gets the preflight, then the POST with the two headers and the signal's JSON, and a 2xx delivers", async () => {
    expect(await send("good", { session_id: "sess-proxy", score: 1 })).toBe("resolved");
    const preflight = good.received.find((request) => request.method === "OPTIONS")!;
    expect(preflight.url).toBe("/api/projects/support-bot/signal");
    expect(preflight.headers["access-control-request-headers"]).toBe("authorization,content-type");
    const [post] = good.posts();
    expect(post!.url).toBe("/api/projects/support-bot/signal");
    expect(post!.headers.authorization).toBe("Bearer pk-kelet-proxy");
    expect(post!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(post!.body)).toMatchObject({ session_id: "sess-proxy", score: 1, kind: "feedback", source: "human" });
  });

  it("retries 503 and 429 and then delivers the same body", async () => {
    good.statuses.push(503, 429);
    const before = good.posts().length;
    expect(await send("good", { session_id: "sess-retry", score: 0 })).toBe("resolved");
    const bodies = good.posts().slice(before).map((request) => request.body);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies).size).toBe(1);
  });

  it("treats 422 as final: one request, the promise rejects", async () => {
    good.statuses.push(422);
    const before = good.posts().length;
    expect(await send("good", { session_id: "sess-final", score: 1 })).toMatch(/^rejected: /);
    expect(good.posts().length - before).toBe(1);
  });

  it("receives no signal when its preflight leaves authorization out of Access-Control-Allow-Headers", async () => {
    // A blocked preflight looks like a connection failure: the signal waits for the connection, never settles here.
    void send("noAuthorization", { session_id: "sess-blocked", score: 1 }).catch(() => "the page closed first");
    await expect.poll(() => noAuthorization.received.some((request) => request.method === "OPTIONS"), { timeout: 10_000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(noAuthorization.posts()).toEqual([]);
  });
});
