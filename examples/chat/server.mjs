// @ts-check
// The demo's one Node process: bundles and serves the page, answers the chat
// with canned text, and hosts a local signal inbox (or points the page at a
// real Kelet API when KELET_API_KEY and KELET_BASE_URL are set).
//
//   npm run demo                       local inbox on http://127.0.0.1:5173
//   PORT=3000 npm run demo             another port
//   KELET_API_KEY=pk-kelet-... KELET_BASE_URL=https://api.kelet.ai npm run demo

import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { context as esbuildContext } from "esbuild";
import { CHECKLIST_ITEMS, DRAFT_REPLY, SUGGESTED_QUESTIONS, answerFor, streamChunks } from "./answers.mjs";
import { exitWithParent } from "./exit-with-parent.mjs";
import { createInbox, isSecretKey } from "./inbox.mjs";

export const DEFAULT_PORT = 5173;
/** Pause between streamed chunks of an answer, so streaming is visible. */
const STREAM_CHUNK_DELAY_MS = 25;
const MAX_REQUEST_BYTES = 1024 * 1024;
/** What a client-made session id may look like before the server adopts it. */
const SESSION_ID_PATTERN = /^[\w.:-]{1,128}$/;

/**
 * @typedef {object} DemoConfig
 * @property {"inbox" | "kelet"} mode  where the page's signals go
 * @property {string} apiKey           the publishable key the page uses
 * @property {string | undefined} baseUrl  the Kelet API origin (undefined: this server)
 * @property {string} project          the chat's project
 * @property {string} checklistProject the project the nested provider routes the checklist to
 * @property {string[]} suggestedQuestions
 */

/**
 * Reads the demo's settings from the environment; throws with the fix when they are wrong.
 * @param {NodeJS.ProcessEnv} env
 * @returns {DemoConfig}
 */
export function configFromEnv(env) {
  // An empty variable counts as unset.
  const apiKey = env.KELET_API_KEY?.trim() || undefined;
  const baseUrl = env.KELET_BASE_URL?.trim() || undefined;
  if (apiKey && !baseUrl) throw new Error("KELET_API_KEY is set but KELET_BASE_URL is not: set both to use a real Kelet API (e.g. KELET_BASE_URL=https://api.kelet.ai), or neither for the local inbox.");
  if (baseUrl && !apiKey) throw new Error("KELET_BASE_URL is set but KELET_API_KEY is not: set your project's publishable key (pk-kelet-...), or unset both for the local inbox.");
  if (apiKey && isSecretKey(apiKey)) {
    throw new Error(
      "KELET_API_KEY is a secret key (sk-kelet-... or sk_...). The page runs in a browser, where a secret key must never go: " +
        "use the publishable key (pk-kelet-..., or pk_... in older projects).",
    );
  }
  return {
    mode: apiKey ? "kelet" : "inbox",
    apiKey: apiKey ?? "pk-kelet-demo-local-inbox",
    baseUrl: apiKey ? baseUrl : undefined,
    project: env.KELET_PROJECT?.trim() || "demo-chat",
    checklistProject: env.KELET_CHECKLIST_PROJECT?.trim() || "demo-checklist",
    suggestedQuestions: SUGGESTED_QUESTIONS,
  };
}

const appDir = fileURLToPath(new URL("./app/", import.meta.url));
const librarySource = fileURLToPath(new URL("../../src/index.ts", import.meta.url));

/** Bundles the page with esbuild; the library resolves to its source, so no build step is needed. */
async function createPageBundler() {
  const bundler = await esbuildContext({
    entryPoints: { app: `${appDir}main.tsx` },
    bundle: true,
    write: false,
    outdir: "/bundle",
    format: "esm",
    jsx: "automatic",
    target: "es2020",
    sourcemap: "inline",
    logLevel: "silent",
    alias: { "@kelet-ai/feedback-ui": librarySource },
    define: { "process.env.NODE_ENV": '"development"' },
  });
  /** @type {Promise<{ js: string, css: string }> | undefined} */
  let building;
  return {
    /** Rebuilds (incrementally) so edits to the demo show on reload. Concurrent callers share one build. */
    build() {
      building ??= bundler
        .rebuild()
        .then((result) => {
          const files = result.outputFiles ?? [];
          const text = (/** @type {string} */ ext) => files.find((file) => file.path.endsWith(ext))?.text ?? "";
          return { js: text(".js"), css: text(".css") };
        })
        .finally(() => {
          building = undefined;
        });
      return building;
    },
    dispose: () => bundler.dispose(),
  };
}

/** @param {DemoConfig} config */
function pageHtml(config) {
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kelet feedback demo</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app.css">
<script id="demo-config" type="application/json">${json}</script>
</head>
<body>
<div id="root"></div>
<script type="module" src="/app.js"></script>
</body>
</html>`;
}

/**
 * @param {import("node:http").IncomingMessage} req
 * @returns {Promise<string>}
 */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on("data", (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new Error("request body too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** @param {string} rawBody */
function parseJsonObject(rawBody) {
  try {
    const value = JSON.parse(rawBody || "{}");
    return value && typeof value === "object" ? /** @type {Record<string, unknown>} */ (value) : {};
  } catch {
    return {};
  }
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the demo server.
 * @param {{ port?: number, host?: string, env?: NodeJS.ProcessEnv, log?: (line: string) => void }} [options]
 */
export async function startDemoServer({ port = DEFAULT_PORT, host = "127.0.0.1", env = process.env, log = (line) => console.log(line) } = {}) {
  const config = configFromEnv(env);
  /** Session ids the "agent" has run: a signal with any other id matches no trace. */
  const knownSessions = new Set();
  const inbox = createInbox({ isKnownSession: (id) => knownSessions.has(id), log });
  const bundler = await createPageBundler();
  /** @type {Set<import("node:http").ServerResponse>} */
  const eventStreams = new Set();
  inbox.subscribe((record) => {
    for (const stream of eventStreams) stream.write(`data: ${JSON.stringify(record)}\n\n`);
  });

  /**
   * The server half of the session-id flow: adopt the id the client sent (or
   * make one), run the "agent" under it — a real app calls
   * agentic_session(session_id=...) here — and answer with X-Session-ID.
   * @param {import("node:http").IncomingMessage} req
   * @param {string} what
   */
  function startAgentSession(req, what) {
    const sent = req.headers["x-session-id"];
    const sessionId = typeof sent === "string" && SESSION_ID_PATTERN.test(sent) ? sent : randomUUID();
    knownSessions.add(sessionId);
    log(`[agent] session ${sessionId}: ${what}`);
    return sessionId;
  }

  /**
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @returns {Promise<void>}
   */
  async function handle(req, res) {
    const url = new URL(req.url ?? "/", "http://demo.local");
    const { pathname } = url;
    const method = req.method ?? "GET";

    const signalPath = /^\/api\/projects\/([^/]+)\/signal$/.exec(pathname);
    if (signalPath) {
      // Answer CORS like the real API, so other local pages (e.g. Storybook) can post here too.
      res.setHeader("Access-Control-Allow-Origin", "*");
      if (method === "OPTIONS") {
        res.writeHead(204, { "Access-Control-Allow-Methods": "POST, OPTIONS", "Access-Control-Allow-Headers": "Content-Type, Authorization", "Access-Control-Max-Age": "600" }).end();
        return;
      }
      if (method !== "POST") return sendJson(res, 405, { detail: "use POST" });
      const rawBody = await readBody(req);
      const answer = inbox.receive({ project: decodeURIComponent(/** @type {string} */ (signalPath[1])), authorization: req.headers.authorization, rawBody });
      return sendJson(res, answer.status, answer.body);
    }

    if (pathname === "/" && method === "GET") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).end(pageHtml(config));
      return;
    }
    if ((pathname === "/app.js" || pathname === "/app.css") && method === "GET") {
      const bundle = await bundler.build();
      const isJs = pathname === "/app.js";
      res.writeHead(200, { "Content-Type": isJs ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8", "Cache-Control": "no-store" });
      res.end(isJs ? bundle.js : bundle.css);
      return;
    }

    if (pathname === "/api/chat" && method === "POST") {
      const { message } = parseJsonObject(await readBody(req));
      const question = typeof message === "string" ? message.slice(0, 500) : "";
      const sessionId = startAgentSession(req, `answering ${JSON.stringify(question)}`);
      // The header goes out before the first streamed chunk, so the page knows the session while the answer streams.
      res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Session-ID": sessionId });
      for (const chunk of streamChunks(answerFor(question))) {
        if (res.destroyed) return;
        res.write(chunk);
        await sleep(STREAM_CHUNK_DELAY_MS);
      }
      res.end();
      return;
    }
    if (pathname === "/api/draft" && method === "POST") {
      const sessionId = startAgentSession(req, "drafting a reply");
      res.setHeader("X-Session-ID", sessionId);
      return sendJson(res, 200, { text: DRAFT_REPLY });
    }
    if (pathname === "/api/checklist" && method === "POST") {
      const sessionId = startAgentSession(req, "proposing a checklist");
      res.setHeader("X-Session-ID", sessionId);
      return sendJson(res, 200, { items: CHECKLIST_ITEMS });
    }

    if (pathname === "/api/inbox" && method === "GET") return sendJson(res, 200, { mode: config.mode, signals: inbox.records() });
    if (pathname === "/api/inbox" && method === "DELETE") {
      inbox.clear();
      return sendJson(res, 200, { ok: true });
    }
    if (pathname === "/api/inbox/events" && method === "GET") {
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
      res.write(`retry: 1000\n\n`);
      eventStreams.add(res);
      req.on("close", () => eventStreams.delete(res));
      return;
    }
    sendJson(res, 404, { detail: `no route for ${method} ${pathname}` });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((/** @type {unknown} */ error) => {
      log(`[demo] ${req.method} ${req.url} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { detail: error instanceof Error ? error.message : String(error) });
      else res.end();
    });
  });

  try {
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve(undefined));
    });
  } catch (error) {
    await bundler.dispose();
    throw error;
  }
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}/`;

  return {
    url,
    config,
    inbox,
    /** Bundles the page (the server also does it on each request for it). */
    buildPage: () => bundler.build(),
    async close() {
      for (const stream of eventStreams) stream.end();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await bundler.dispose();
    },
  };
}

/**
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(JSON.stringify(body));
}

async function main() {
  /** @type {() => void} */
  let stop = () => process.exit(0);
  exitWithParent(() => stop());
  const rawPort = process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number (got ${JSON.stringify(rawPort)}).`);
    process.exit(1);
  }
  let demo;
  try {
    demo = await startDemoServer({ port, host: process.env.HOST ?? "127.0.0.1" });
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === "EADDRINUSE") {
      console.error(`Port ${port} is already in use (another demo or dev server?). Start on another port: PORT=${port + 1} npm run demo`);
    } else {
      console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  }
  try {
    // Build once now, so a mistake in the page shows here and the first load is instant.
    await demo.buildPage();
  } catch (error) {
    console.error(`The demo page does not build: ${error instanceof Error ? error.message : String(error)}`);
    await demo.close();
    process.exit(1);
  }
  const { config } = demo;
  const where =
    config.mode === "inbox"
      ? `Signals go to the local inbox on this server (projects "${config.project}" and "${config.checklistProject}"); each one is logged here.`
      : `Signals go to ${config.baseUrl} (projects "${config.project}" and "${config.checklistProject}").`;
  console.log(`\n  Kelet feedback demo: ${demo.url}\n  ${where}\n  Press Ctrl+C to stop.\n`);
  stop = () => {
    demo.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  process.on("SIGHUP", stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
