import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
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
  "@radix-ui/react-dismissable-layer",
  "@radix-ui/react-presence",
  "@radix-ui/react-use-controllable-state",
];

const UNIT_INCLUDE = ["test/**/*.test.{ts,tsx}"];
const UNIT_EXCLUDE = ["test/browser/**", "test/e2e/**", "test/fixtures/**", "test/**/*.browser.test.{ts,tsx}"];

// React 18 lives in its own folder (installed by the root `npm ci`), so react-dom 18 resolves react 18.
const react18 = (path: string) => fileURLToPath(new URL(`./test/fixtures/react18/node_modules/${path}`, import.meta.url));
const REACT_18_ALIASES = [
  { find: /^react$/, replacement: react18("react/index.js") },
  { find: /^react\/jsx-runtime$/, replacement: react18("react/jsx-runtime.js") },
  { find: /^react\/jsx-dev-runtime$/, replacement: react18("react/jsx-dev-runtime.js") },
  { find: /^react-dom$/, replacement: react18("react-dom/index.js") },
  { find: /^react-dom\/client$/, replacement: react18("react-dom/client.js") },
  { find: /^react-dom\/server$/, replacement: react18("react-dom/server.node.js") },
  { find: /^react-dom\/test-utils$/, replacement: react18("react-dom/test-utils.js") },
  // Its ESM build (inlined below), not the CJS one Node would pick.
  {
    find: /^@testing-library\/react$/,
    replacement: fileURLToPath(new URL("./node_modules/@testing-library/react/dist/@testing-library/react.esm.js", import.meta.url)),
  },
];

/** Vitest browser mode in Debian's Chromium (no downloaded browsers on these machines). */
function chromiumBrowserMode() {
  return {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    provider: playwright({ launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS } }),
    instances: [{ browser: "chromium" as const }],
  };
}

export default defineConfig({
  test: {
    restoreMocks: true,
    testTimeout: 15_000,
    projects: [
      {
        // Behaviour in jsdom, HTTP against a real server on 127.0.0.1.
        extends: true,
        // What a shadcn app provides to registry/kelet-vote-feedback.tsx (test/registry).
        resolve: {
          alias: {
            "@/lib/utils": fileURLToPath(new URL("./registry/type-shims/utils.ts", import.meta.url)),
            "lucide-react": fileURLToPath(new URL("./test/registry/lucide-react-stub.tsx", import.meta.url)),
          },
        },
        test: {
          name: "unit",
          include: UNIT_INCLUDE,
          exclude: UNIT_EXCLUDE,
          environment: "jsdom",
          setupFiles: ["test/setup.ts"],
          env: { VITEST_PROJECT_REACT: "19." },
        },
      },
      {
        // The same unit tests against React 18.
        extends: true,
        resolve: { alias: REACT_18_ALIASES },
        test: {
          name: "unit-react18",
          include: UNIT_INCLUDE,
          exclude: [...UNIT_EXCLUDE, "test/package/**", "test/styles/**", "test/registry/**", "test/types/**"],
          environment: "jsdom",
          setupFiles: ["test/setup.ts"],
          env: { VITEST_PROJECT_REACT: "18." },
          // Libraries that import react are inlined (ESM builds), so their react imports take the aliases too.
          server: {
            deps: {
              inline: [
                /@testing-library\/react/,
                /@radix-ui\//,
                /@floating-ui\/react-dom/,
                /react-remove-scroll/,
                /react-style-singleton/,
                /use-callback-ref/,
                /use-sidecar/,
                // The chat frameworks the adapters are tested with (test/integrations).
                /@assistant-ui\//,
                /node_modules\/radix-ui\//,
                /zustand/,
                /@ai-sdk\/react/,
                /swr/,
              ],
            },
          },
        },
      },
      {
        // Components in real Chromium: focus, layout, accessibility scans.
        extends: true,
        optimizeDeps: { include: BROWSER_DEPENDENCIES },
        test: {
          name: "browser",
          include: ["test/browser/**/*.browser.test.{ts,tsx}", "test/devtools/**/*.browser.test.{ts,tsx}"],
          setupFiles: ["test/setup.ts"],
          browser: chromiumBrowserMode(),
        },
      },
      // Installs and builds of real apps, and the size budgets: slow, so only with
      // KELET_FIXTURES=1 (`npm run test:fixtures`, and .ci/run).
      ...(process.env.KELET_FIXTURES === "1"
        ? [
            {
              extends: true as const,
              test: {
                name: "fixtures",
                include: ["test/fixtures/**/*.test.ts"],
                exclude: ["**/node_modules/**"],
                environment: "node",
                testTimeout: 600_000,
                hookTimeout: 600_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
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
      {
        // Every story in stories/ rendered in real Chromium: its play function, then an axe scan (violations fail).
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL("./.storybook", import.meta.url)) })],
        test: {
          name: "storybook",
          browser: chromiumBrowserMode(),
        },
      },
    ],
  },
});
