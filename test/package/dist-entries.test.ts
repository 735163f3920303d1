// @vitest-environment node
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

function runNode(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" });
}

describe("the built package", () => {
  it("loads its ESM entry in plain Node and exports KeletProvider", () => {
    const out = runNode(["--input-type=module", "-e", "const m = await import('@kelet-ai/feedback-ui'); console.log(typeof m.KeletProvider, typeof m.useKelet, typeof m.useKeletSignal)"]);
    expect(out.trim()).toBe("function function function");
  });

  it("loads its CJS entry with require and exports KeletProvider", () => {
    const out = runNode(["-e", "const m = require('@kelet-ai/feedback-ui'); console.log(typeof m.KeletProvider, typeof m.KeletContext)"]);
    expect(out.trim()).toBe("function object");
  });

  it("starts every built file that holds React code with the use client directive, and no React-free one", () => {
    const built = readdirSync(`${root}/dist`, { recursive: true, encoding: "utf8" }).filter((file) => /\.c?js$/.test(file));
    for (const entry of ["index.js", "index.cjs", "integrations/assistant-ui/index.js", "integrations/ai-sdk/index.cjs"]) {
      expect(built).toContain(entry);
      expect(readFileSync(`${root}/dist/${entry}`, "utf8").startsWith('"use client";'), entry).toBe(true);
    }
    for (const entry of ["core/index.js", "core/index.cjs"]) {
      expect(readFileSync(`${root}/dist/${entry}`, "utf8"), entry).not.toContain("use client");
    }
    // A chunk with a React import (or one reached through its imports) carries it; a chunk without, never.
    const chunks = built.filter((file) => file.startsWith("chunk-"));
    const directive = (file: string) => readFileSync(`${root}/dist/${file}`, "utf8").startsWith('"use client";');
    const importsReact = (file: string) => /from "(react|react-dom)(\/[^"]*)?"|from "@radix-ui\//.test(readFileSync(`${root}/dist/${file}`, "utf8"));
    expect(chunks.filter(importsReact).filter((file) => !directive(file))).toEqual([]);
    expect(chunks.filter((file) => !importsReact(file)).length).toBeGreaterThan(0);
    expect(chunks.filter((file) => directive(file) && !importsReact(file)).every((file) => /from "\.\/chunk-/.test(readFileSync(`${root}/dist/${file}`, "utf8")))).toBe(true);
  });

  it("exports every runtime name a 1.3 app imports, from ESM and CJS alike", () => {
    const names = [
      "KeletProvider",
      "VoteFeedback",
      "KeletContext",
      "useKelet",
      "useKeletSignal",
      "useDefaultFeedbackHandler",
      "useFeedbackState",
      "useFeedbackReducer",
    ];
    const parts = ["Root", "UpvoteButton", "DownvoteButton", "Popover", "Textarea", "SubmitButton"];
    const probe = `console.log(JSON.stringify([${JSON.stringify(names)}.filter((n) => m[n] == null), ${JSON.stringify(parts)}.filter((p) => m.VoteFeedback[p] == null)]))`;
    const fromEsm = runNode(["--input-type=module", "-e", `const m = await import('@kelet-ai/feedback-ui'); ${probe}`]);
    const fromCjs = runNode(["-e", `const m = require('@kelet-ai/feedback-ui'); ${probe}`]);
    expect(JSON.parse(fromEsm)).toEqual([[], []]);
    expect(JSON.parse(fromCjs)).toEqual([[], []]);
  });

  it("renders on the server without touching browser globals", () => {
    const out = runNode([
      "--input-type=module",
      "-e",
      [
        "const React = await import('react');",
        "const { renderToString } = await import('react-dom/server');",
        "const { KeletProvider } = await import('@kelet-ai/feedback-ui');",
        "console.log(typeof window, renderToString(React.createElement(KeletProvider, { apiKey: 'pk_1', project: 'p' }, 'hi')));",
      ].join(" "),
    ]);
    expect(out.trim()).toBe("undefined hi");
  });
});

describe("the React-free entry, @kelet-ai/feedback-ui/core", () => {
  const coreNames = ["createKeletClient", "createSessionId", "readSessionId", "SignalValidationError", "FeedbackSubmitError", "KeletConfigError"];
  const probe = `console.log(JSON.stringify(${JSON.stringify(coreNames)}.filter((n) => typeof m[n] !== "function")))`;

  it("loads from ESM and CJS alike with createKeletClient and the helpers", () => {
    const fromEsm = runNode(["--input-type=module", "-e", `const m = await import('@kelet-ai/feedback-ui/core'); ${probe}`]);
    const fromCjs = runNode(["-e", `const m = require('@kelet-ai/feedback-ui/core'); ${probe}`]);
    expect(JSON.parse(fromEsm)).toEqual([]);
    expect(JSON.parse(fromCjs)).toEqual([]);
  });

  it("ships types for ESM and CJS", () => {
    for (const file of ["core/index.d.ts", "core/index.d.cts"]) {
      expect(readFileSync(`${root}/dist/${file}`, "utf8"), file).toMatch(/createKeletClient/);
    }
  });

  it.each(["dist/core/index.js", "dist/core/index.cjs"])("bundles %s into an app without pulling in React", async (entry) => {
    const result = await build({ entryPoints: [`${root}/${entry}`], bundle: true, write: false, metafile: true, format: "esm", logLevel: "silent" });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.endsWith(entry.replace("dist/", "")))).toBe(true);
    expect(inputs.filter((input) => /(^|\/)react(-dom)?(\/|$)|jsx-runtime/.test(input))).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/from ["']react|require\(["']react/);
  });

  it("creates and closes clients in plain Node (no window, no document); a disabled one resolves without sending", () => {
    const out = runNode([
      "-e",
      [
        "const { createKeletClient } = require('@kelet-ai/feedback-ui/core');",
        "const live = createKeletClient({ apiKey: 'pk_1', project: 'p', baseUrl: 'http://127.0.0.1:9' }); live.close(); live.close();",
        "const off = createKeletClient({ apiKey: 'pk_1', project: 'p', disabled: true });",
        "off.signal({ session_id: 's', score: 1 }).then(() => { off.close(); console.log('resolved'); });",
      ].join(" "),
    ]);
    expect(out.trim()).toBe("resolved");
  });
});

describe("the published tarball", () => {
  it("holds only dist, README.md, LICENSE and package.json", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" });
    const [pack] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
    const outsideDist = pack!.files.map((f) => f.path).filter((path) => !path.startsWith("dist/"));
    expect(outsideDist.sort()).toEqual(["LICENSE", "README.md", "package.json"]);
  });
});

describe("the chat-framework adapter entries", () => {
  const entries = [
    ["@kelet-ai/feedback-ui/assistant-ui", "integrations/assistant-ui/index", ["useKeletFeedbackAdapter", "sessionIdFromMessage"]],
    ["@kelet-ai/feedback-ui/ai-sdk", "integrations/ai-sdk/index", ["useKeletChat", "sessionIdFromMetadata"]],
  ] as const;

  it.each(entries)("%s loads from ESM and CJS, with types, each file starting with the use client directive", (entry, file, names) => {
    for (const extension of ["js", "cjs", "d.ts", "d.cts"]) {
      const text = readFileSync(`${root}/dist/${file}.${extension}`, "utf8");
      if (!extension.startsWith("d.")) expect(text.startsWith('"use client";'), `${file}.${extension}`).toBe(true);
    }
    const probe = `console.log(${JSON.stringify(names)}.map((n) => typeof m[n]).join(" "))`;
    const expected = names.map(() => "function").join(" ");
    expect(runNode(["--input-type=module", "-e", `const m = await import('${entry}'); ${probe}`]).trim()).toBe(expected);
    expect(runNode(["-e", `const m = require('${entry}'); ${probe}`]).trim()).toBe(expected);
  });

  // A second copy of the provider code in an adapter file would hold a second KeletContext: the adapter would
  // then never see the app's KeletProvider and every vote would go nowhere.
  it.each([
    ["ESM", "--input-type=module", (name: string) => `await import('${name}')`],
    ["CJS", "--input-type=commonjs", (name: string) => `require('${name}')`],
  ])("from %s, an adapter sees the KeletProvider imported from the package root", (_format, inputType, load) => {
    const script = (withProvider: boolean) =>
      [
        inputType === "--input-type=module" ? "" : "(async () => {",
        `const React = ${load("react")}; const { renderToString } = ${load("react-dom/server")};`,
        `const { KeletProvider } = ${load("@kelet-ai/feedback-ui")};`,
        `const { useKeletFeedbackAdapter } = ${load("@kelet-ai/feedback-ui/assistant-ui")};`,
        "const warnings = []; console.warn = (...args) => warnings.push(args.join(' '));",
        "let adapter; function Probe() { adapter = useKeletFeedbackAdapter({ sessionId: 's-1' }); return null; }",
        withProvider
          ? "renderToString(React.createElement(KeletProvider, { apiKey: 'pk_1', project: 'p', disabled: true }, React.createElement(Probe)));"
          : "renderToString(React.createElement(Probe));",
        "await adapter.submit({ message: { id: 'm-1', role: 'assistant' }, type: 'positive' });",
        "console.log(warnings.some((w) => w.includes('outside any KeletProvider')) ? 'nowhere' : 'provider');",
        inputType === "--input-type=module" ? "" : "})();",
      ].join(" ");
    expect(runNode([inputType, "-e", script(true)]).trim()).toBe("provider");
    // The probe can tell: without a provider the same press goes nowhere.
    expect(runNode([inputType, "-e", script(false)]).trim()).toBe("nowhere");
  });

  it("are not part of the root entry: an app that never imports them never loads them", () => {
    const rootFiles = readdirSync(`${root}/dist`, { encoding: "utf8" }).filter((file) => /\.c?js$/.test(file));
    for (const file of rootFiles) {
      expect(readFileSync(`${root}/dist/${file}`, "utf8"), file).not.toMatch(/integrations|useKeletFeedbackAdapter|useKeletChat/);
    }
  });
});

describe("the development entries, /devtools and /testing", () => {
  // The panel is React ("use client" for the App Router); the test inbox is a React-free fetch stand-in.
  it.each([
    ["@kelet-ai/feedback-ui/devtools", "devtools/index", "KeletDevtools", true],
    ["@kelet-ai/feedback-ui/testing", "testing/index", "createTestInbox", false],
  ])("%s loads from ESM and CJS, with types", (entry, file, name, react) => {
    for (const extension of ["js", "cjs", "d.ts", "d.cts"]) {
      const text = readFileSync(`${root}/dist/${file}.${extension}`, "utf8");
      if (!extension.startsWith("d.")) expect(text.startsWith('"use client";'), `${file}.${extension}`).toBe(react);
      else expect(text, `${file}.${extension}`).toContain(name);
    }
    const probe = `console.log(typeof m.${name})`;
    expect(runNode(["--input-type=module", "-e", `const m = await import('${entry}'); ${probe}`]).trim()).toBe("function");
    expect(runNode(["-e", `const m = require('${entry}'); ${probe}`]).trim()).toBe("function");
  });

  it("onSignalEvent from the CJS build hears a signal sent through the ESM build (one page-wide stream)", () => {
    const script = [
      "const { onSignalEvent } = require('@kelet-ai/feedback-ui/core');",
      "const statuses = []; onSignalEvent((e) => statuses.push(e.status));",
      "import('@kelet-ai/feedback-ui/core').then(async ({ createKeletClient }) => {",
      "  const fetch = async () => ({ ok: true, status: 200 });",
      "  const client = createKeletClient({ apiKey: 'pk_1', project: 'p', fetch, captureEvents: false });",
      "  await client.signal({ session_id: 's', score: 1 }); client.close();",
      "  console.log(statuses.join(' '));",
      "});",
    ].join(" ");
    expect(runNode(["-e", script]).trim()).toBe("queued sending delivered");
  });

  it("a production bundle of an app that renders <KeletDevtools /> is within 200 bytes of the same app without it", async () => {
    const gzipSize = async (source: string) => {
      const result = await build({
        stdin: { contents: source, resolveDir: root, loader: "tsx" },
        bundle: true,
        minify: true,
        write: false,
        format: "esm",
        external: ["react", "react-dom", "react/jsx-runtime"],
        define: { "process.env.NODE_ENV": '"production"' },
        logLevel: "error",
      });
      const { gzipSync } = await import("node:zlib");
      return gzipSync(result.outputFiles[0]!.contents).length;
    };
    const app = (withDevtools: boolean) =>
      [
        "import { KeletProvider, useFeedbackState } from './dist/index.js';",
        withDevtools ? "import { KeletDevtools } from './dist/devtools/index.js';" : "const KeletDevtools = () => null;",
        "import { jsx } from 'react/jsx-runtime';",
        "function Draft() { const [text] = useFeedbackState('', 's'); return text; }",
        "export const App = () => jsx(KeletProvider, { apiKey: 'pk_1', project: 'p', children: [jsx(Draft, {}), jsx(KeletDevtools, {})] });",
      ].join("\n");
    const [without, withPanel] = [await gzipSize(app(false)), await gzipSize(app(true))];
    expect(withPanel - without).toBeLessThanOrEqual(200);
  });
});
