import { mkdir, readFile, writeFile } from "node:fs/promises";
import { transform } from "esbuild";
import { defineConfig } from "tsup";

/** The opt-in theme, `@kelet-ai/feedback-ui/styles.css`: plain CSS, minified, no JS entry. */
async function buildStyles(): Promise<void> {
  const source = await readFile("src/styles/styles.css", "utf8");
  const { code } = await transform(source, { loader: "css", minify: true, target: ["chrome105", "firefox110", "safari15.4"] });
  await mkdir("dist", { recursive: true });
  await writeFile("dist/styles.css", code);
}

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2020",
  // Every output holds React code: Next.js App Router needs the directive
  // at the top of each file to import it from a server component.
  banner: { js: '"use client";' },
  external: ["react", "react-dom", "react/jsx-runtime"],
  onSuccess: buildStyles,
});
