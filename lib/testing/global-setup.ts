import fs from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../scripts/lib/prepare";
import { resolveSqlitePath } from "../db/database-url";

// Migrates this run's fresh database once, and removes it afterwards.
export async function setup() {
  await migrateDatabase({ ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" });
}

export async function teardown() {
  fs.rmSync(path.dirname(resolveSqlitePath()), { recursive: true, force: true });
}
