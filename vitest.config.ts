import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "./test/support/chromium.ts";

// Pre-bundled before the browser project starts: discovering them mid-run makes
// Vite reload the page and fail the first run on a fresh clone.
const BROWSER_DEPENDENCIES = [
  "react",
  "react/jsx-runtime",
  "react/jsx-dev-runtime",
  "react-dom",
  "react-dom/client",
  "@testing-library/react",
  "@radix-ui/primitive",
  "@radix-ui/react-compose-refs",
  "@radix-ui/react-focus-scope",
  "@radix-ui/react-popover",
  "@radix-ui/react-slot",
  "@radix-ui/react-use-layout-effect",
  "axe-core",
];

export default defineConfig({
  test: {
    restoreMocks: true,
    testTimeout: 15_000,
    projects: [
      {
        // Behaviour in jsdom, HTTP against a real server on 127.0.0.1.
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.{ts,tsx}"],
          exclude: ["test/browser/**", "test/e2e/**"],
          environment: "jsdom",
          setupFiles: ["test/setup.ts"],
        },
      },
      {
        // Components in real Chromium: focus, layout, accessibility scans.
        extends: true,
        optimizeDeps: { include: BROWSER_DEPENDENCIES },
        test: {
          name: "browser",
          include: ["test/browser/**/*.browser.test.{ts,tsx}"],
          setupFiles: ["test/setup.ts"],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS } }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
      {
        // Whole pages driven by playwright-core: lifecycle, tabs, network.
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.e2e.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
