import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,prisma,app,bench,scripts,test}/**/*.test.ts"],
    environment: "node",
    // Tests share one database; files keep to their own rows, so a couple of workers is safe.
    maxWorkers: 2,
    server: { deps: { inline: ["server-only"] } },
    alias: { "server-only": path.resolve(import.meta.dirname, "test/support/empty-module.ts") },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
