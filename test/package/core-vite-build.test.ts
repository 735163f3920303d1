// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, createLogger } from "vite";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** A page outside the repository that installs the package as an app would (node_modules points at dist). */
function pageImporting(source: string): string {
  const page = mkdtempSync(join(tmpdir(), "kelet-vite-page-"));
  mkdirSync(join(page, "node_modules/@kelet-ai"), { recursive: true });
  symlinkSync(root, join(page, "node_modules/@kelet-ai/feedback-ui"), "dir");
  writeFileSync(join(page, "index.html"), '<!doctype html><script type="module" src="./main.js"></script>\n');
  writeFileSync(join(page, "main.js"), source);
  return page;
}

const pages: string[] = [];
afterAll(() => pages.forEach((page) => rmSync(page, { recursive: true, force: true })));

/** Everything Vite's production build says, through Rollup's warnings and its logger. */
async function buildAndListWarnings(page: string): Promise<string[]> {
  const warnings: string[] = [];
  const logger = createLogger("warn", { allowClearScreen: false });
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = (message) => void warnings.push(message);
  await build({
    root: page,
    configFile: false,
    logLevel: "warn",
    customLogger: logger,
    build: {
      write: false,
      rollupOptions: { onwarn: (warning) => void warnings.push(`${warning.code}: ${warning.message}`) },
    },
  });
  return warnings;
}

describe("a Vite app that imports only @kelet-ai/feedback-ui/core", () => {
  it("builds without a single warning about the package (no 'use client' in React-free files)", async () => {
    const page = pageImporting(
      [
        'import { createKeletClient, createSessionId } from "@kelet-ai/feedback-ui/core";',
        'const client = createKeletClient({ apiKey: "pk-kelet-demo", project: "vue-app" });',
        'document.body.dataset.ready = typeof client.signal + createSessionId().length;',
      ].join("\n"),
    );
    pages.push(page);
    const warnings = await buildAndListWarnings(page);
    expect(warnings.filter((warning) => /MODULE_LEVEL_DIRECTIVE|use client|feedback-ui|dist\//.test(warning))).toEqual([]);
  }, 60_000);
});
