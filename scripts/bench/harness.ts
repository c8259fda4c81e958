// What every bench module shares: the module shape, a temporary migrated
// database, a timing loop and the result table.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { enableWal } from "../../lib/db/enable-wal";
import { prismaEnv } from "../lib/run";
import { summarize, type Summary } from "./stats";

export type BenchModule = {
  // Short id, used to pick modules: `npm run bench -- browse-panel`.
  name: string;
  title: string;
  run(): Promise<void>;
};

// DATABASE_URL outside withTempDatabase: any getDb() there fails loudly
// (not a "file:" URL) instead of opening the developer's .data/ database.
export const NO_DATABASE_URL = "bench-none:getDb() outside withTempDatabase()";

const tempDirs = new Set<string>();
const removeTempDirs = () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
};
process.once("exit", removeTempDirs);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    removeTempDirs();
    process.exit(130);
  });
}

export function log(line = ""): void {
  console.log(line ? `  ${line}` : "");
}

export async function timed<T>(label: string, run: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const result = await run();
  log(`${label}: ${formatMs(performance.now() - start)}`);
  return result;
}

// A fresh SQLite file in the OS temp folder, migrated like `npm start` does
// (prisma migrate deploy, then WAL), used by lib/db while `run` runs, and
// deleted afterwards.
export async function withTempDatabase<T>(run: (file: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-bench-"));
  tempDirs.add(dir);
  const file = path.join(dir, "bench.db");
  const url = `file:${file}`;
  const { closeDb } = await import("../../lib/db");
  await closeDb();
  try {
    await timed("migrate a temporary database", () => migrateQuietly(url));
    process.env.DATABASE_URL = url;
    return await run(file);
  } finally {
    await closeDb();
    process.env.DATABASE_URL = NO_DATABASE_URL;
    fs.rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
}

// scripts/lib/prepare.ts migrateDatabase(), with Prisma's output shown only
// when it fails.
function migrateQuietly(url: string): void {
  const bin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  const result = spawnSync(bin, ["migrate", "deploy"], { env: prismaEnv({ ...process.env, DATABASE_URL: url }), encoding: "utf8" });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  enableWal(url);
}

// Times each of `runs`, one call at a time: `warmup` untimed rounds, then
// `iterations` timed rounds, each round calling every run once in turn (so
// background load on the machine spreads evenly over the runs). Returns each
// run's wall-clock durations in milliseconds.
export async function measure(runs: Array<() => Promise<unknown>>, { warmup = 20, iterations = 200 } = {}): Promise<number[][]> {
  const durations = runs.map(() => [] as number[]);
  for (let round = 0; round < warmup + iterations; round++) {
    for (const [i, run] of runs.entries()) {
      const start = performance.now();
      await run();
      if (round >= warmup) durations[i].push(performance.now() - start);
    }
  }
  return durations;
}

export type ResultRow = { label: string; detail?: string; summary: Summary; targetMs?: number };

export function resultRow(label: string, durations: number[], extra: { detail?: string; targetMs?: number } = {}): ResultRow {
  return { label, summary: summarize(durations), ...extra };
}

// A row passes when its p95 is within its target.
export function passes(row: ResultRow): boolean | null {
  return row.targetMs === undefined ? null : row.summary.p95 <= row.targetMs;
}

export function printTable(rows: ResultRow[]): void {
  const header = ["case", "rows", "n", "median ms", "p95 ms", "p99 ms", "max ms", "target"];
  const body = rows.map((row) => {
    const ok = passes(row);
    return [
      row.label,
      row.detail ?? "",
      String(row.summary.count),
      row.summary.median.toFixed(2),
      row.summary.p95.toFixed(2),
      row.summary.p99.toFixed(2),
      row.summary.max.toFixed(2),
      ok === null ? "" : `${ok ? "PASS" : "FAIL"} (p95 ≤ ${row.targetMs} ms)`,
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i].length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6]);
  const format = (cells: string[]) =>
    cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("  ").trimEnd();
  log(format(header));
  log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const cells of body) log(format(cells));
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}
