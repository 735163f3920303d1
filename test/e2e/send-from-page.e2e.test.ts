import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { launchChromium, servePage, type ServedPage } from "../support/browser-page";
import { startSignalServer, type SignalServer } from "../support/signal-server";

let browser: BrowserContext;
let server: SignalServer;
let page: ServedPage;

beforeAll(async () => {
  server = await startSignalServer();
  page = await servePage(fileURLToPath(new URL("./pages/send-on-click.tsx", import.meta.url)), { SIGNAL_ORIGIN: server.origin });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await page?.close();
  await server?.close();
});

describe("a page in real Chromium", () => {
  it("delivers a click's signal cross-origin with the key and the click that caused it", async () => {
    const tab = await browser.newPage();
    await tab.goto(page.url);
    await tab.getByRole("button", { name: "Helpful" }).click();
    const [request] = await server.waitForRequests(1);
    expect(request!.headers.authorization).toBe("Bearer pk_page");
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({ session_id: "page-session", score: 1, kind: "feedback", source: "human" });
    expect(body.metadata.$dom_event).toMatchObject({ type: "click", label: "Helpful" });
    expect(body.metadata.$dom_event.x).toBeGreaterThan(0);
  });
});
