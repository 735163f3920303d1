// @ts-check
// Takes PNG screenshots of the demo and of the Storybook docs page in Chromium:
//   npm run screenshots   ->  reports/screenshots/*.png  (reports/ is git-ignored)
// Builds Storybook first when storybook-static/ is missing.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startDemoServer } from "./chat/server.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "reports", "screenshots");
const storybookDir = join(root, "storybook-static");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "kelet-shots-")), {
  executablePath,
  headless: true,
  args,
  viewport: { width: 1360, height: 1000 },
});

async function screenshotDemo() {
  const demo = await startDemoServer({ port: 0, env: { ...process.env, KELET_API_KEY: "", KELET_BASE_URL: "" }, log: () => {} });
  try {
    const page = await browser.newPage();
    await page.goto(demo.url);
    await page.getByRole("button", { name: "How do I get a refund?" }).click();
    await page.getByTestId("answer").first().getByRole("button", { name: "Upvote feedback" }).click();
    await page.getByRole("button", { name: "Write with AI" }).click();
    await page.waitForFunction(() => (document.querySelector("textarea#reply-draft")?.textContent ?? "") !== "" || (/** @type {HTMLTextAreaElement | null} */ (document.querySelector("#reply-draft"))?.value ?? "") !== "");
    const draft = page.getByRole("textbox", { name: "Reply draft" });
    await draft.press("Control+End");
    await draft.pressSequentially(" Cheers!");
    await page.getByRole("button", { name: "Suggest steps with AI" }).click();
    await page.getByRole("checkbox", { name: "Confirm the order number with the customer" }).check();
    await page.getByRole("textbox", { name: "Ask the assistant" }).fill("How long does shipping take?");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const second = page.getByTestId("answer").nth(1);
    await second.getByRole("button", { name: "Downvote feedback" }).click();
    await page.getByRole("button", { name: "Too vague" }).click();
    await page.getByRole("textbox", { name: "Additional feedback" }).fill("It did not say whether weekends count.");
    // Let the debounced edits arrive, so the inbox shows them.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="inbox-signal"]').length >= 6, undefined, { timeout: 15_000 });
    await page.screenshot({ path: join(outDir, "demo.png"), fullPage: true });
    console.log(`wrote ${join(outDir, "demo.png")}`);
    await page.close();
  } finally {
    await demo.close();
  }
}

/** Serves storybook-static/ on 127.0.0.1. */
async function serveStorybook() {
  if (!existsSync(join(storybookDir, "index.html"))) {
    console.log("building Storybook (npm run build-storybook)…");
    execFileSync("npm", ["run", "build-storybook", "--", "--quiet"], { cwd: root, stdio: "inherit" });
  }
  /** @type {Record<string, string>} */
  const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".png": "image/png" };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(storybookDir, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(storybookDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}

async function screenshotStorybookDocs() {
  const storybook = await serveStorybook();
  try {
    const page = await browser.newPage();
    const shots = [
      ["storybook-keletprovider-docs.png", "keletprovider--docs"],
      ["storybook-introduction.png", "introduction--docs"],
    ];
    const index = JSON.parse(readFileSync(join(storybookDir, "index.json"), "utf8"));
    // The VoteFeedback docs page, when its stories exist.
    const voteDocs = Object.keys(index.entries).find((id) => /vote-?feedback/.test(id) && id.endsWith("--docs"));
    if (voteDocs) shots.push(["storybook-votefeedback-docs.png", voteDocs]);
    const hookDocs = Object.keys(index.entries).find((id) => /usefeedbackstate/.test(id) && id.endsWith("--docs"));
    if (hookDocs) shots.push(["storybook-usefeedbackstate-docs.png", hookDocs]);
    shots.push(["storybook-pattern-answer-docs.png", "patterns-ai-answer-with-feedback--docs"]);
    for (const [file, id] of shots) {
      await page.goto(`${storybook.url}?path=/docs/${id}`);
      const preview = page.frameLocator("#storybook-preview-iframe");
      await preview.locator(".sbdocs-content").first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1500);
      await page.screenshot({ path: join(outDir, /** @type {string} */ (file)) });
      console.log(`wrote ${join(outDir, /** @type {string} */ (file))}`);
    }
    await page.close();
  } finally {
    await storybook.close();
  }
}

try {
  await screenshotDemo();
  await screenshotStorybookDocs();
} finally {
  await browser.close();
}
