// Runs this review's Chromium tests (the shared config's browser project only includes test/browser and test/devtools):
// npx vitest run --config test/review2/vitest.browser.config.ts
import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../support/chromium.ts";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  optimizeDeps: { include: ["react", "react/jsx-runtime", "react/jsx-dev-runtime", "react-dom", "react-dom/client", "@testing-library/react", "axe-core"] },
  test: {
    include: ["test/review2/**/*.browser.test.{ts,tsx}"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 20_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({ launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS } }),
      instances: [{ browser: "chromium" }],
    },
  },
});
