// @vitest-environment node
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { transform } from "esbuild";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const source = readFileSync(`${root}/src/styles/styles.css`, "utf8");
const THEME_BUDGET_GZIP_BYTES = 2048;

describe("the default theme", () => {
  it(`stays within ${THEME_BUDGET_GZIP_BYTES} bytes gzipped once minified`, async () => {
    const { code } = await transform(source, { loader: "css", minify: true });
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(THEME_BUDGET_GZIP_BYTES);
  });

  it("takes every colour from a --kelet-* property, so each one can be overridden", () => {
    // Literal colours may appear only where the --kelet-* defaults are declared.
    const rulesOutsideDefaults = source
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .split("}")
      .filter((block) => !/--kelet-[\w-]+\s*:/.test(block));
    for (const block of rulesOutsideDefaults) expect(block).not.toMatch(/#[0-9a-f]{3,8}\b|rgb\(/i);
  });

  it("is built into dist, exported as @kelet-ai/feedback-ui/styles.css and listed as a side effect", () => {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8"));
    expect(pkg.exports["./styles.css"]).toBe("./dist/styles.css");
    expect(pkg.sideEffects).toEqual(["*.css"]);
    const resolved = createRequire(`${root}/package.json`).resolve("@kelet-ai/feedback-ui/styles.css");
    expect(gzipSync(readFileSync(resolved), { level: 9 }).length).toBeLessThanOrEqual(THEME_BUDGET_GZIP_BYTES);
  });
});
