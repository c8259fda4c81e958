// Database chores:
//   npm run db:migrate                 apply prisma/migrations to DATABASE_URL
//   npm run db:seed                    add the demo data (idempotent)
//   npm run db:new-migration -- NAME   write the SQL taking the committed
//                                      schema (git HEAD) to the working one
// Prisma's shadow-database diff does not run with the offline WebAssembly
// engine, so migrations are diffed schema-to-schema: commit each schema
// change together with its migration.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadEnvFile } from "../lib/db/load-env";
import { generateClient, migrateDatabase } from "./lib/prepare";
import { prismaEnv } from "./lib/run";

const SCHEMA = path.join("prisma", "schema.prisma");

async function main() {
  loadEnvFile();
  const [command, name] = process.argv.slice(2);
  if (command === "migrate") return migrateDatabase();
  if (command === "seed") {
    await generateClient();
    const { seedDemo } = await import("../lib/seed/seed-demo");
    await seedDemo();
    return console.log("Seeded the demo data.");
  }
  if (command === "new-migration" && name) return writeMigration(name);
  throw new Error("usage: tsx scripts/db.ts migrate | seed | new-migration <name>");
}

function committedSchema(): string | null {
  try {
    return execFileSync("git", ["show", `HEAD:${SCHEMA}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null;
  }
}

function writeMigration(name: string) {
  const before = committedSchema();
  const from = before === null ? ["--from-empty"] : ["--from-schema-datamodel", writeTemp(before)];
  const args = ["migrate", "diff", ...from, "--to-schema-datamodel", SCHEMA, "--script"];
  const result = spawnSync(path.join("node_modules", ".bin", "prisma"), args, { encoding: "utf8", env: prismaEnv() });
  if (result.status !== 0) throw new Error(result.stderr || "prisma migrate diff failed");
  if (!/^\s*(CREATE|ALTER|DROP|INSERT|PRAGMA|UPDATE)/m.test(result.stdout)) return console.log("No schema changes.");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join("prisma", "migrations", `${stamp}_${name.replace(/\W+/g, "_")}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), result.stdout);
  console.log(`Wrote ${dir}/migration.sql`);
}

function writeTemp(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tessera-schema-")), "schema.prisma");
  fs.writeFileSync(file, text);
  return file;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
