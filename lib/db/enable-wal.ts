import Database from "better-sqlite3";
import { resolveSqlitePath } from "./database-url";

// Write-ahead logging lets readers and a writer work at once (the server, the
// CLI and tests share one file). The mode is stored in the file, so setting it
// once after migrating is enough.
export function enableWal(url?: string): void {
  const db = new Database(resolveSqlitePath(url));
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
