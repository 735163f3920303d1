import { defineConfig } from "tsup";

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
});
