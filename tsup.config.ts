import { mkdir, readFile, writeFile } from "node:fs/promises";
import { transform } from "esbuild";
import { defineConfig, type Options } from "tsup";
import { listBuilt, trimBuild } from "./build/trim-dist";

/** The opt-in theme, `@kelet-ai/feedback-ui/styles.css`: plain CSS, minified, no JS entry. */
async function buildStyles(): Promise<void> {
  const source = await readFile("src/styles/styles.css", "utf8");
  const { code } = await transform(source, { loader: "css", minify: true, target: ["chrome105", "firefox110", "safari15.4"] });
  await mkdir("dist", { recursive: true });
  await writeFile("dist/styles.css", code);
}

const shared: Options = {
  // Maps carry their sources (sourcesContent), so a stack trace opens the real TypeScript file.
  sourcemap: true,
  // `npm run build` empties dist first (prebuild): two builds write into it at once.
  clean: false,
  target: "es2020",
  // Next.js App Router needs the directive at the top of each file that holds React code to import it from
  // a server component; trimBuild takes it off again where the code never reaches React (all of `/core`).
  banner: { js: '"use client";' },
  external: ["react", "react-dom", "react/jsx-runtime"],
};

/** Entry points beside the root, by output path under dist/. */
const ADAPTER_ENTRIES = {
  "integrations/assistant-ui/index": "src/integrations/assistant-ui/index.ts",
  "integrations/ai-sdk/index": "src/integrations/ai-sdk/index.ts",
};

/** For development and tests only: `@kelet-ai/feedback-ui/devtools` and `/testing` (their ESM files come from the glob below). */
const TOOL_ENTRIES = {
  "devtools/index": "src/devtools/index.ts",
  "testing/index": "src/testing/index.ts",
};
const CJS_ENTRIES = ["index", "core/index", ...Object.keys(TOOL_ENTRIES)].map((entry) => `${entry}.cjs`);

/**
 * An adapter takes the provider's hooks from the root entry's file of the same format instead of bundling
 * its own copy: a second copy would hold a second KeletContext, and the adapter would never see the app's
 * KeletProvider. (The root exports every provider hook an adapter uses.)
 */
const providerFromRootEntry: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "provider-from-root-entry",
  setup(build) {
    const rootFile = build.initialOptions.format === "cjs" ? "../../index.cjs" : "../../index.js";
    build.onResolve({ filter: /\/provider\// }, () => ({ path: rootFile, external: true }));
  },
};

export default defineConfig([
  {
    ...shared,
    // ESM: one file per source module (every module an entry, shared code split out), so an app's
    // bundler drops whole modules it does not use: importing the hooks never pulls in the popover,
    // whatever top-level statements (displayName, forwardRef) the parts' modules hold.
    entry: ["src/**/*.{ts,tsx}", "!src/**/*.d.ts", "!src/integrations/**"],
    format: ["esm"],
    splitting: true,
    dts: { entry: { index: "src/index.ts", "core/index": "src/core/index.ts", ...TOOL_ENTRIES } },
    // Every module an entry also makes a facade file per module that no public entry imports (they import
    // the chunks): only what the public entries reach is kept.
    onSuccess: async () => {
      const built = await listBuilt("dist", (file) => /\.js$/.test(file) && !file.startsWith("integrations/"));
      await trimBuild("dist", built, ["index.js", "core/index.js", ...Object.keys(TOOL_ENTRIES).map((entry) => `${entry}.js`)]);
      await buildStyles();
    },
  },
  {
    ...shared,
    // CJS: one file per public entry.
    entry: { index: "src/index.ts", "core/index": "src/core/index.ts", ...TOOL_ENTRIES },
    format: ["cjs"],
    dts: { entry: { index: "src/index.ts", "core/index": "src/core/index.ts", ...TOOL_ENTRIES } },
    onSuccess: async () => void (await trimBuild("dist", CJS_ENTRIES, CJS_ENTRIES)),
  },
  // The chat-framework adapters, `@kelet-ai/feedback-ui/assistant-ui` and `/ai-sdk`: built apart from
  // the root, so the root's files stay byte for byte what they were; one file per format each.
  {
    ...shared,
    entry: ADAPTER_ENTRIES,
    format: ["esm", "cjs"],
    // Each adapter is one self-contained file: a chunk shared between them would sit beside the root's
    // chunks, where the root build's trim (which keeps only what the root entries reach) removes it.
    splitting: false,
    dts: true,
    esbuildPlugins: [providerFromRootEntry],
  },
]);
