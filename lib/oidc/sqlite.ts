import Database from "better-sqlite3";
import { resolveSqlitePath } from "@/lib/db/database-url";

const holder = globalThis as unknown as { tesseraOidcSqlite?: Database.Database };

// The authorization server's hot path (token lookups on every API call and
// introspection) reads its tables through prepared statements on a direct
// connection: an order of magnitude cheaper per query than the ORM. The
// tables themselves are Prisma-migrated like every other.
export function getOidcSqlite(): Database.Database {
  if (!holder.tesseraOidcSqlite) {
    // No blocking busy-wait: this connection lives on the same event loop as
    // Prisma's. Waiting synchronously for a lock that an open Prisma
    // transaction holds would freeze the loop that transaction needs to
    // finish; writes retry asynchronously instead (runWrite).
    const db = new Database(resolveSqlitePath(), { timeout: 0 });
    try {
      db.pragma("journal_mode = WAL"); // normally already set by migrations
    } catch {
      // another connection holds a lock right now; the mode is persistent
    }
    db.pragma("synchronous = NORMAL");
    holder.tesseraOidcSqlite = db;
  }
  return holder.tesseraOidcSqlite;
}

export function closeOidcSqlite(): void {
  holder.tesseraOidcSqlite?.close();
  holder.tesseraOidcSqlite = undefined;
}

// DateTime as Prisma's SQLite driver adapter writes it ("…T05:57:34.848+00:00"),
// so rows stay readable by both and compare correctly as text.
export const toDbTime = (date: Date | number) => new Date(date).toISOString().replace("Z", "+00:00");

const BUSY = new Set(["SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_BUSY_SNAPSHOT"]);
const WRITE_DEADLINE_MS = 10_000;

// Runs a write on the direct connection, retrying with a short, growing
// pause while another connection holds SQLite's write lock.
export async function runWrite<T>(write: () => T): Promise<T> {
  const deadline = Date.now() + WRITE_DEADLINE_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return write();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !BUSY.has(code) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 + attempt * 3) * (0.5 + Math.random())));
    }
  }
}
