import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { loadEnvFile } from "./lib/db/load-env";
import { resolveSqlitePath } from "./lib/db/database-url";

// Prisma does not read .env when a config file exists: load it here.
loadEnvFile();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: resolveSqlitePath() });
  },
});
