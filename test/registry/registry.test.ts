// @vitest-environment node
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const registry = JSON.parse(readFileSync(`${root}/registry.json`, "utf8"));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8"));

// The shapes shadcn's registry.json / registry-item.json schemas accept (ui.shadcn.com/schema).
const ITEM_TYPES = [
  "registry:lib", "registry:block", "registry:component", "registry:ui", "registry:hook", "registry:theme",
  "registry:page", "registry:file", "registry:style", "registry:item", "registry:example", "registry:internal",
];
const STRING_ARRAYS = ["dependencies", "devDependencies", "registryDependencies", "categories"] as const;

describe("the shadcn registry (registry.json)", () => {
  it("has the registry fields shadcn requires", () => {
    expect(registry.$schema).toBe("https://ui.shadcn.com/schema/registry.json");
    expect(typeof registry.name).toBe("string");
    expect(typeof registry.homepage).toBe("string");
    expect(Array.isArray(registry.items)).toBe(true);
  });

  interface Item {
    name: string;
    type: string;
    files: Array<{ path: string; type: string; target?: string }>;
    [field: string]: unknown;
  }
  it.each((registry.items as Item[]).map((item) => ({ name: item.name, item })))("item $name matches the registry-item schema", ({ item }) => {
    expect(typeof item.name).toBe("string");
    expect(ITEM_TYPES).toContain(item.type);
    for (const field of STRING_ARRAYS) {
      const values = item[field];
      if (values !== undefined) expect(Array.isArray(values) && values.every((value: unknown) => typeof value === "string")).toBe(true);
    }
    for (const field of ["title", "description", "docs", "author"]) {
      if (item[field] !== undefined) expect(typeof item[field]).toBe("string");
    }
    expect(item.files.length).toBeGreaterThan(0);
    for (const file of item.files) {
      expect(ITEM_TYPES).toContain(file.type);
      if (file.type === "registry:file" || file.type === "registry:page") expect(typeof file.target).toBe("string");
      expect(existsSync(`${root}/${file.path}`), `${file.path} exists`).toBe(true);
    }
  });

  it("installs this package and declares every module its component imports", () => {
    const item = registry.items.find((entry: { name: string }) => entry.name === "kelet-vote-feedback");
    expect(item.dependencies).toContain(`${pkg.name}@^${pkg.version.split(".")[0]}`);
    const source = readFileSync(`${root}/${item.files[0].path}`, "utf8");
    const imported = [...source.matchAll(/from "([^"]+)"/g)].map((match) => match[1]!);
    const declared = new Set([...item.dependencies.map((dep: string) => dep.replace(/(?<=.)@[^@/]*$/, "")), "react"]);
    for (const specifier of imported) {
      if (specifier === "@/lib/utils") expect(item.registryDependencies).toContain("utils");
      else expect(declared, `${specifier} is declared`).toContain(specifier);
    }
  });

  it("styles the widget with the app's shadcn tokens and the parts' data-state", () => {
    const source = readFileSync(`${root}/registry/kelet-vote-feedback.tsx`, "utf8");
    for (const token of ["bg-popover", "text-muted-foreground", "ring-ring", "bg-primary", "data-[state=on]", "data-[state=open]"]) {
      expect(source).toContain(token);
    }
  });

  it("builds with the shadcn CLI (shadcn build checks it against its item schema), and registry/r is that build", () => {
    // shadcn build runs offline: it reads registry.json and the files it names, and writes one JSON per item.
    const out = mkdtempSync(join(tmpdir(), "kelet-shadcn-build-"));
    try {
      execFileSync(join(root, "node_modules/.bin/shadcn"), ["build", "--output", out], { cwd: root, encoding: "utf8", stdio: "pipe" });
      const built = readdirSync(out).sort();
      expect(built).toEqual(["kelet-vote-feedback.json", "registry.json"]);
      for (const file of built) {
        const committed = JSON.parse(readFileSync(join(root, "registry/r", file), "utf8"));
        expect(committed, `registry/r/${file} is what npm run registry:build writes`).toEqual(JSON.parse(readFileSync(join(out, file), "utf8")));
      }
      const item = JSON.parse(readFileSync(join(out, "kelet-vote-feedback.json"), "utf8"));
      expect(item.files[0].content).toBe(readFileSync(join(root, "registry/kelet-vote-feedback.tsx"), "utf8"));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it("names the item and its component apart from the library's VoteFeedback, so both fit in one file", () => {
    const item = registry.items.find((entry: Item) => entry.name === "kelet-vote-feedback") as Item;
    expect(item.files[0]!.path).toBe("registry/kelet-vote-feedback.tsx");
    const source = readFileSync(`${root}/registry/kelet-vote-feedback.tsx`, "utf8");
    expect(source).toMatch(/export function KeletVoteFeedback\(/);
    expect(source).not.toMatch(/export (function|const) VoteFeedback\b/);
  });

  it("declares tw-animate-css when its classes are used", () => {
    const item = registry.items.find((entry: Item) => entry.name === "kelet-vote-feedback") as Item;
    const source = readFileSync(`${root}/registry/kelet-vote-feedback.tsx`, "utf8");
    const usesAnimateClasses = /\b(animate-in|animate-out|fade-in-\d|zoom-in-\d+)\b/.test(source);
    expect((item.dependencies as string[]).includes("tw-animate-css")).toBe(usesAnimateClasses);
  });

  it("shows publishable keys as pk-kelet-..., never the older pk_... form, in its docs and source", () => {
    const item = registry.items.find((entry: Item) => entry.name === "kelet-vote-feedback") as Item;
    const source = readFileSync(`${root}/registry/kelet-vote-feedback.tsx`, "utf8");
    for (const text of [item.docs as string, source]) {
      expect(text).toContain('apiKey="pk-kelet-..."');
      expect(text).not.toMatch(/pk_\.\.\./);
    }
  });
});
