import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { chromium, type BrowserContext } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "./chromium";
import { startSignalServer, type SignalServer } from "./signal-server";

/**
 * Launches Debian's Chromium with a fresh profile. Use it for what needs a
 * whole page: lifecycle (hide, close, reopen), several tabs, the network.
 */
export async function launchChromium(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), "kelet-chromium-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_EXECUTABLE,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export interface ServedPage {
  /** The page's URL on 127.0.0.1. */
  url: string;
  close(): Promise<void>;
}

/**
 * Bundles a TS/TSX entry (React and the library's source included) with
 * esbuild and serves it as a page on 127.0.0.1. `define` values become
 * globals the page can read (e.g. the signal server's origin).
 */
export async function servePage(entryFile: string, define: Record<string, string> = {}): Promise<ServedPage> {
  const result = await build({
    entryPoints: [entryFile],
    bundle: true,
    write: false,
    format: "esm",
    jsx: "automatic",
    target: "es2020",
    define: {
      "process.env.NODE_ENV": '"development"',
      ...Object.fromEntries(Object.entries(define).map(([name, value]) => [name, JSON.stringify(value)])),
    },
  });
  const script = result.outputFiles[0]!.text;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>test page</title></head><body><div id="root"></div><script type="module" src="/page.js"></script></body></html>`;
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith("/page.js")) {
      res.writeHead(200, { "Content-Type": "text/javascript" }).end(script);
    } else {
      res.writeHead(200, { "Content-Type": "text/html" }).end(html);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A page under test, the signal server it posts to, and the Chromium that opens it. */
export interface ChromiumPageSetup {
  readonly browser: BrowserContext;
  readonly server: SignalServer;
  readonly page: ServedPage;
}

/**
 * For the calling test file: before all tests, starts a signal server,
 * serves `entry` (with `SIGNAL_ORIGIN` set to the server's origin) and
 * launches Chromium; after all, closes the three.
 */
export function useChromiumPage(entry: URL): ChromiumPageSetup {
  let setup: { browser?: BrowserContext; server?: SignalServer; page?: ServedPage } = {};
  beforeAll(async () => {
    const server = await startSignalServer();
    setup = { server, page: await servePage(fileURLToPath(entry), { SIGNAL_ORIGIN: server.origin }), browser: await launchChromium() };
  });
  afterAll(async () => {
    await setup.browser?.close();
    await setup.page?.close();
    await setup.server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the page setup is only there while the file's tests run");
    return value;
  };
  return {
    get browser() {
      return started(setup.browser);
    },
    get server() {
      return started(setup.server);
    },
    get page() {
      return started(setup.page);
    },
  };
}
