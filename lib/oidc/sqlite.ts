import Database from "better-sqlite3";
import { resolveSqlitePath } from "@/lib/db/database-url";

const holder = globalThis as unknown as { tesseraOidcSqlite?: Database.Database };

// The authorization server's hot path (token lookups on every API call and
// introspection) reads its tables through prepared statements on a direct
// connection: an order of magnitude cheaper per query than the ORM. The
// tables themselves are Prisma-migrated like every other.
export function getOidcSqlite(): Database.Database {
  if (!holder.tesseraOidcSqlite) {
    const db = new Database(resolveSqlitePath(), { timeout: 5000 });
    db.pragma("journal_mode = WAL");
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
