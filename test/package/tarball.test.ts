// @vitest-environment node
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

interface PackedFile {
  path: string;
  size: number;
}
const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: root, encoding: "utf8" })) as Array<{
  entryCount: number;
  size: number;
  files: PackedFile[];
}>;
const packedPaths = packed!.files.map((file) => file.path);

/** Every file the exports map names, and every file those import (code and type declarations). */
function reachedFromExports(): Set<string> {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const targets: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === "string") targets.push(normalize(value));
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  collect(pkg.exports);
  const reached = new Set<string>();
  const pending = [...targets];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    if (!/\.(c?js|d\.c?ts)$/.test(file)) continue;
    const code = readFileSync(join(root, file), "utf8");
    for (const match of code.matchAll(/(?:from\s*|import\s*\(?\s*|require\(\s*)["'](\.[^"']+)["']/g)) {
      const imported = normalize(join(dirname(file), match[1]!));
      // A declaration file names its sibling declarations by their script names.
      pending.push(/\.d\.c?ts$/.test(file) ? imported.replace(/\.js$/, ".d.ts").replace(/\.cjs$/, ".d.cts") : imported);
    }
  }
  return reached;
}

describe("the npm tarball (npm pack --dry-run)", () => {
  it("ships only files the exports map reaches, their source maps, and the README, LICENSE and package.json", () => {
    const reached = reachedFromExports();
    const stray = packedPaths.filter((path) => {
      if (["package.json", "README.md", "LICENSE"].includes(path)) return false;
      if (path.endsWith(".map")) return !reached.has(path.slice(0, -".map".length));
      return !reached.has(path);
    });
    expect(stray).toEqual([]);
    for (const entry of ["dist/index.js", "dist/index.cjs", "dist/core/index.js", "dist/styles.css", "dist/integrations/ai-sdk/index.d.cts"]) {
      expect(packedPaths).toContain(entry);
    }
  });

  it("ships a source map with its sources for every built script, and no empty map", () => {
    const scripts = packedPaths.filter((path) => /\.c?js$/.test(path));
    for (const script of scripts) {
      const statements = readFileSync(join(root, script), "utf8").replace(/^"use client";|\/\/# sourceMappingURL=\S+|^(import|export)\b[^;]*;/gm, "");
      if (statements.trim() === "") continue; // only re-exports, or a chunk of type-only modules: nothing to map
      expect(packedPaths, `${script} has a map`).toContain(`${script}.map`);
    }
    for (const path of packedPaths.filter((file) => file.endsWith(".map"))) {
      const map = JSON.parse(readFileSync(join(root, path), "utf8")) as { sources: string[]; sourcesContent?: Array<string | null> };
      expect(map.sources.length, `${path} maps something`).toBeGreaterThan(0);
      expect(map.sourcesContent?.length, `${path} carries its sources`).toBe(map.sources.length);
      expect(map.sourcesContent!.every((source) => typeof source === "string" && source.length > 0), path).toBe(true);
    }
  });

  it("maps a stack frame in /core to the right line of the TypeScript source, after the directive is taken off", () => {
    const sourceLine = readFileSync(join(root, "src/core/session-id.ts"), "utf8").split("\n").findIndex((line) => line.includes("export function createSessionId("));
    expect(sourceLine).toBeGreaterThan(0);
    for (const built of ["dist/core/index.cjs", ...packedPaths.filter((path) => /^dist\/chunk-[^/]+\.js$/.test(path))]) {
      const lines = readFileSync(join(root, built), "utf8").split("\n");
      const line = lines.findIndex((text) => /function createSessionId\(/.test(text));
      if (line < 0) continue;
      const map = new SourceMap(JSON.parse(readFileSync(join(root, `${built}.map`), "utf8")));
      const entry = map.findEntry(line, lines[line]!.indexOf("createSessionId")) as { originalSource: string; originalLine: number };
      expect(entry.originalSource, built).toMatch(/src\/core\/session-id\.ts$/);
      expect(entry.originalLine, built).toBe(sourceLine);
    }
  });

  it("stays a small download: under 240 files and 520 kB packed", () => {
    // 2.0.0 before trimming: 308 files, 340 kB, 70 facade files and 73 empty map stubs. With /devtools, /testing and
    // useAnswerSignals: 215 files, 496 kB (adapters self-contained).
    expect(packed!.entryCount).toBeLessThan(240);
    expect(packed!.size).toBeLessThan(520_000);
  });
});
