import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";

/** The page's globals a copy of `/core` reads, each given per tab by the simulation. */
export const PAGE_GLOBALS = [
  "globalThis",
  "window",
  "self",
  "document",
  "navigator",
  "localStorage",
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "fetch",
  "addEventListener",
  "removeEventListener",
  "Date",
  "performance",
  "Math",
  "process",
  "console",
] as const;

type CoreModule = typeof import("../../src/core/index");
export type CoreFactory = (globals: Record<(typeof PAGE_GLOBALS)[number], unknown>) => CoreModule;

let factory: CoreFactory | undefined;

/**
 * `/core` from the current sources, bundled once, as a function that
 * evaluates a fresh copy (its own module state, registry and timers) against
 * one page load's globals: every tab and reload is its own module instance.
 */
export function coreFactory(): CoreFactory {
  if (factory) return factory;
  const entry = fileURLToPath(new URL("../../src/core/index.ts", import.meta.url));
  const { outputFiles } = buildSync({ entryPoints: [entry], bundle: true, write: false, format: "cjs", platform: "neutral", target: "es2020", logLevel: "silent" });
  const code = outputFiles[0]!.text;
  const evaluate = new Function("module", "exports", ...PAGE_GLOBALS, code) as (...args: unknown[]) => void;
  factory = (globals) => {
    const module = { exports: {} as CoreModule };
    evaluate(module, module.exports, ...PAGE_GLOBALS.map((name) => globals[name]));
    return module.exports;
  };
  return factory;
}
