import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    // Two cores on CI: keep the worker count bounded so browser and server tests do not starve.
    maxWorkers: 2,
  },
});
