// @vitest-environment node
import { existsSync, readFileSync } from "node:fs";
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
    const item = registry.items.find((entry: { name: string }) => entry.name === "vote-feedback");
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
    const source = readFileSync(`${root}/registry/vote-feedback.tsx`, "utf8");
    for (const token of ["bg-popover", "text-muted-foreground", "ring-ring", "bg-primary", "data-[state=on]", "data-[state=open]"]) {
      expect(source).toContain(token);
    }
  });
});
