import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./.data/tessera.db";

// The SQLite file behind DATABASE_URL ("file:<path>", relative to the project
// root), with its folder created so a fresh clone needs no manual step.
export function resolveSqlitePath(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL for now, got "${url.split(":")[0]}:…"`);
  }
  const raw = url.slice("file:".length).split("?")[0];
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
