import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Every run gets its own fresh SQLite file (migrated by the global setup);
// each test seeds the rows it needs under unique names.
process.env.DATABASE_URL ||= `file:${path.join(os.tmpdir(), `tessera-unit-${process.pid}-${Date.now()}`, "test.db")}`;

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["{lib,app,components,scripts}/**/*.test.ts"],
    globalSetup: ["./lib/testing/global-setup.ts"],
    env: { DATABASE_URL: process.env.DATABASE_URL, TESSERA_ORIGIN: "http://localhost:3999" },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
