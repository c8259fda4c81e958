import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { captureCli } from "./capture-cli";

// These tests point the process at other database files, then restore the
// run's own database (this file runs in its own worker).
const original = process.env.DATABASE_URL;
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "tessera-cli-db-"));

async function useDatabase(file: string) {
  await closeDb();
  process.env.DATABASE_URL = `file:${file}`;
}

afterEach(async () => {
  await closeDb();
  process.env.DATABASE_URL = original;
});

describe("an unprepared database", () => {
  it("refuses a missing database file without creating it (exit 1)", async () => {
    const file = path.join(tempDir(), "missing.db");
    await useDatabase(file);
    const { code, stderr } = await captureCli(["apps", "list", "--group", "engineering"]);
    expect(code).toBe(1);
    expect(stderr).toContain(`No database at ${file}`);
    expect(stderr).toContain("npm run db:migrate");
    expect(fs.existsSync(file)).toBe(false);
  });

  it("says the database is not migrated when a table is missing (exit 1)", async () => {
    const file = path.join(tempDir(), "empty.db");
    fs.writeFileSync(file, "");
    await useDatabase(file);
    const { code, stderr, json } = await captureCli(["apps", "show", "abc", "--json"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/not migrated: table \w+ is missing/);
    expect(stderr).toContain("`npm start`");
    expect(json()).toMatchObject({ error: "DATABASE_NOT_READY" });
  });
});
