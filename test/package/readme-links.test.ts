// @vitest-environment node
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8"));

// The README is the npm page: npm rewrites its relative links against `repository`, so every one of them
// must name a file of the repository, and none may point at notes that live outside it.
const documents = ["README.md", "bench/README.md"];

describe("the README as the npm page shows it", () => {
  it("leads to the repository: repository, homepage and bugs in package.json", () => {
    expect(pkg.repository).toEqual({ type: "git", url: "git+https://github.com/Kelet-ai/feedback-ui.git" });
    expect(pkg.homepage).toBe("https://github.com/Kelet-ai/feedback-ui#readme");
    expect(pkg.bugs).toEqual({ url: "https://github.com/Kelet-ai/feedback-ui/issues" });
  });

  it.each(documents)("%s links only to files that exist in the repository", (document) => {
    const text = readFileSync(`${root}/${document}`, "utf8");
    const base = new URL(document, "file:///repo/");
    const missing = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1]!)
      .filter((target) => !/^(https?:|mailto:|#)/.test(target))
      .map((target) => decodeURIComponent(new URL(target, base).pathname.replace(/^\/repo\//, "")))
      .filter((path) => !existsSync(`${root}/${path}`));
    expect(missing).toEqual([]);
  });

  it.each(documents)("%s cites no notes from outside the repository", (document) => {
    const text = readFileSync(`${root}/${document}`, "utf8");
    // A note of that name would be fine once the repository holds it.
    const notesElsewhere = ["PERFORMANCE.md", "RELIABILITY.md", "API.md", "STYLE.md"].filter((name) => !existsSync(`${root}/${name}`));
    for (const outside of [...notesElsewhere, "../shared", "/work/"]) {
      expect(text, `${document} mentions ${outside}`).not.toContain(outside);
    }
  });

  it("says near the top that the demo runs from a clone, and that it prints its URL", () => {
    const readme = readFileSync(`${root}/README.md`, "utf8");
    const top = readme.slice(0, readme.indexOf("npm run demo") + 400);
    expect(top).toContain("clone");
    expect(top).toContain("git clone https://github.com/Kelet-ai/feedback-ui.git");
    expect(top).toMatch(/prints its URL/);
    expect(readme).not.toMatch(/npm run demo`?\s*\n*```\s*\n+opens/);
  });
});
