// `npm run bench`: performance benchmarks, each in a temporary database of
// its own (never the developer's .data/ one). Each module in scripts/bench/
// prints its own section; `npm run bench -- <name>…` runs only those modules.
// Rows over their target print FAIL without failing the run: the exit code
// is non-zero only when a benchmark could not run.
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { prismaEnv } from "./lib/run";
import { NO_DATABASE_URL, formatMs, type BenchModule } from "./bench/harness";
import { browsePanelBench } from "./bench/browse-panel";
import { oauthTokensBench } from "./bench/oauth-tokens";
import { webhooksBench } from "./bench/webhooks";

const MODULES: BenchModule[] = [browsePanelBench, oauthTokensBench, webhooksBench];

function generateClientQuietly(): void {
  const bin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  const result = spawnSync(bin, ["generate"], { env: prismaEnv(), encoding: "utf8" });
  if (result.status !== 0) throw new Error(`prisma generate failed:\n${result.stdout}\n${result.stderr}`);
}

function printMachine(): void {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown CPU";
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : cpus.length;
  console.log(`machine: ${cores} cores (${model}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()} ${os.arch()}`);
  console.log(`runtime: Node.js ${process.version}, Prisma ${packageVersion("@prisma/client")} (better-sqlite3 adapter), SQLite ${sqliteVersion()}`);
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

function sqliteVersion(): string {
  const db = new Database(":memory:");
  try {
    return (db.prepare("select sqlite_version() as version").get() as { version: string }).version;
  } finally {
    db.close();
  }
}

async function main() {
  // Set before anything can open lib/db: each module gets a temporary file.
  process.env.DATABASE_URL = NO_DATABASE_URL;
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !MODULES.some((bench) => bench.name === name));
  if (unknown.length > 0) throw new Error(`unknown bench ${unknown.join(", ")}; available: ${MODULES.map((bench) => bench.name).join(", ")}`);
  const selected = only.length > 0 ? MODULES.filter((bench) => only.includes(bench.name)) : MODULES;

  console.log("Tessera benchmarks");
  printMachine();
  generateClientQuietly();

  let failed = 0;
  for (const bench of selected) {
    console.log(`\n=== ${bench.title} [${bench.name}] ===`);
    const start = performance.now();
    try {
      await bench.run();
      console.log(`  (section took ${formatMs(performance.now() - start)})`);
    } catch (error) {
      failed += 1;
      console.error(`  ERROR: ${bench.name} did not complete: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    }
  }
  if (failed > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`[bench] ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
