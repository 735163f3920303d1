import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, servePage, type ServedPage } from "../support/browser-page";

/** Two cross-origin servers: a chat API that sets X-Session-ID (exposed or not), and one that sends no CORS headers at all. */
async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const chat = createServer((req, res) => {
  const headers: Record<string, string> = { "Access-Control-Allow-Origin": "*", "X-Session-ID": "srv-42" };
  if (req.url === "/exposed") headers["Access-Control-Expose-Headers"] = "X-Session-ID";
  res.writeHead(200, headers).end("{}");
});
const noCors = createServer((req, res) => {
  res.writeHead(req.method === "OPTIONS" ? 204 : 200).end();
});

let browser: BrowserContext;
let page: ServedPage;
let tab: Page;
const consoleMessages: string[] = [];

beforeAll(async () => {
  const [chatOrigin, noCorsOrigin] = await Promise.all([listen(chat), listen(noCors)]);
  page = await servePage(fileURLToPath(new URL("./pages/session-id-cors.tsx", import.meta.url)), {
    CHAT_ORIGIN: chatOrigin,
    NO_CORS_ORIGIN: noCorsOrigin,
  });
  browser = await launchChromium();
  tab = await browser.newPage();
  tab.on("console", (message) => consoleMessages.push(message.text()));
  await tab.goto(page.url);
});
afterAll(async () => {
  await browser?.close();
  await page?.close();
  for (const server of [chat, noCors]) {
    server.closeAllConnections();
    server.close();
  }
});

describe("session ids and CORS in real Chromium (development build)", () => {
  it("reads X-Session-ID only when the server exposes it, and explains Access-Control-Expose-Headers when it does not", async () => {
    await tab.getByRole("button", { name: "Read session ids" }).click();
    await expect.poll(() => tab.getByRole("button", { name: /exposed=/ }).textContent()).toBe("exposed=srv-42 hidden=null");
    const hint = consoleMessages.find((text) => text.includes("Access-Control-Expose-Headers: X-Session-ID"));
    expect(hint).toContain("readSessionId");
  });

  it("explains a signal blocked by CORS with the page's origin", async () => {
    await tab.getByRole("button", { name: "Send to an API without CORS" }).click();
    await expect.poll(() => consoleMessages.find((text) => text.startsWith("[kelet]") && text.includes("CORS")), { timeout: 10_000 }).toBeDefined();
    const message = consoleMessages.find((text) => text.startsWith("[kelet]") && text.includes("CORS"))!;
    expect(message).toContain(`Access-Control-Allow-Origin: ${new URL(page.url).origin}`);
  });
});
