import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    environment: "jsdom",
    restoreMocks: true,
    testTimeout: 15_000,
    setupFiles: ["test/setup.ts"],
  },
});
