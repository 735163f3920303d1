// @vitest-environment node
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
// npm's own range logic (semver is in the tree through the build tools; it ships no types of its own).
const semver = createRequire(import.meta.url)("semver") as {
  satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
  inc(version: string, release: "minor"): string | null;
};
const lock = JSON.parse(readFileSync(`${root}/package-lock.json`, "utf8")) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; os?: string[]; cpu?: string[]; optional?: boolean }>;
};
const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8"));

/** What npm installs on this machine: packages for another OS or CPU are skipped, and so is their engine check. */
function installedHere(entry: { os?: string[]; cpu?: string[] }): boolean {
  const allows = (list: string[] | undefined, value: string) =>
    !list || list.length === 0 || (list.some((item) => !item.startsWith("!")) ? list.includes(value) : !list.includes(`!${value}`));
  return allows(entry.os, process.platform) && allows(entry.cpu, process.arch);
}

/**
 * The packages npm would warn about (EBADENGINE) when installing the lockfile on `nodeVersion`. An optional
 * package whose engines do not match is skipped in silence, so only required ones count.
 */
function badEngines(nodeVersion: string): string[] {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== "" && !entry.optional && installedHere(entry))
    .filter(([, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      return range !== undefined && !semver.satisfies(nodeVersion, range, { includePrerelease: true });
    })
    .map(([path, entry]) => `${path}@${entry.version} needs node ${(entry.engines as { node: string }).node}`);
}

describe("npm install of this repository", () => {
  // README: development needs Node 20.19+ (or 22.12+): vite, rolldown and jsdom ask for it.
  it.each(["20.19.0", "22.12.0", process.versions.node])("prints no EBADENGINE warning on Node %s", (nodeVersion) => {
    expect(badEngines(nodeVersion)).toEqual([]);
  });

  it("bounds the @assistant-ui/react peer range to the version the tests run against", () => {
    const range = pkg.peerDependencies["@assistant-ui/react"] as string;
    const tested = lock.packages["node_modules/@assistant-ui/react"]!.version!;
    expect(semver.satisfies(tested, range)).toBe(true);
    // A 0.x minor may break anything: the next one is outside the range until the tests run on it.
    expect(semver.satisfies(semver.inc(tested, "minor")!, range)).toBe(false);
  });
});
