import { hashBuildInputs, isBuildCurrent, stampBuild } from "./build-stamp";
import { runBin, runPrisma } from "./run";
import { enableWal } from "../../lib/db/enable-wal";

export type Log = (message: string) => void;

export async function generateClient(): Promise<void> {
  await runPrisma(["generate"]);
}

export async function migrateDatabase(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runPrisma(["migrate", "deploy"], env);
  enableWal(env.DATABASE_URL);
}

// Seeds only an empty database (the seed is idempotent, but a live database
// should not get demo users back after an operator removed them).
export async function seedIfEmpty(log: Log): Promise<void> {
  const { isDatabaseEmpty, seedDemo } = await import("../../lib/seed/seed-demo");
  const { closeDb } = await import("../../lib/db");
  if (await isDatabaseEmpty()) {
    await seedDemo();
    log("seeded the demo organizations, groups and users");
  } else {
    log("database already has data; seed skipped");
  }
  await closeDb();
}

export async function buildIfStale(log: Log): Promise<void> {
  if (isBuildCurrent()) {
    log("production build is current");
    return;
  }
  const hash = hashBuildInputs();
  await runBin("next", ["build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  stampBuild(hash);
}
