// @vitest-environment node
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const readJson = (path: string) => JSON.parse(readFileSync(`${ROOT}/${path}`, "utf8")) as { version: string; dependencies: Record<string, string> };

/** True when `version` (x.y.z) is within the caret `range` (^x.y.z), the only form our package.json uses for Radix. */
function withinCaret(version: string, range: string): boolean {
  const [major, ...rest] = version.split(".").map(Number);
  const [floorMajor, ...floorRest] = range.replace(/^\^/, "").split(".").map(Number);
  if (!range.startsWith("^") || major !== floorMajor) return false;
  const [minor = 0, patch = 0] = rest;
  const [floorMinor = 0, floorPatch = 0] = floorRest;
  return minor > floorMinor || (minor === floorMinor && patch >= floorPatch);
}

describe("the Radix code an app with VoteFeedback ships", () => {
  it("holds one copy of each Radix package, the one @radix-ui/react-popover itself pulls in", async () => {
    const result = await build({
      stdin: { contents: 'export { VoteFeedback } from "./src/vote-feedback/index.ts";', resolveDir: ROOT, loader: "ts" },
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      jsx: "automatic",
      logLevel: "silent",
      external: ["react", "react-dom", "react/jsx-runtime"],
      define: { "process.env.NODE_ENV": '"production"' },
    });
    const copies = new Map<string, Set<string>>();
    for (const input of Object.keys(result.metafile.inputs)) {
      const [, folder, name] = input.match(/^(.*node_modules\/(@radix-ui\/[^/]+))\//) ?? [];
      if (folder && name) copies.set(name, (copies.get(name) ?? new Set()).add(folder));
    }
    expect(copies.has("@radix-ui/react-popover")).toBe(true);
    for (const [name, folders] of copies) expect([...folders], name).toHaveLength(1);
  });

  it("declares each Radix package it imports beside react-popover with a range that takes the version react-popover pins", () => {
    const ours = readJson("package.json").dependencies;
    const pinnedByPopover = readJson("node_modules/@radix-ui/react-popover/package.json").dependencies;
    const besidePopover = Object.entries(ours).filter(([name]) => name.startsWith("@radix-ui/") && name !== "@radix-ui/react-popover");
    expect(besidePopover.length).toBeGreaterThan(0);
    for (const [name, range] of besidePopover) {
      expect(pinnedByPopover[name], `${name} is not one of react-popover's own dependencies`).toBeDefined();
      expect(withinCaret(pinnedByPopover[name]!, range), `${name}: ours ${range}, react-popover's ${pinnedByPopover[name]}`).toBe(true);
    }
  });
});
