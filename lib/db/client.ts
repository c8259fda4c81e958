import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { resolveSqlitePath } from "./database-url";

export type Db = InstanceType<typeof PrismaClient>;

const holder = globalThis as unknown as { tesseraDb?: Db };

// One client per process, created on first use: Next imports modules in
// several workers during build and dev, and none of them should open the
// database before a request needs it.
export function getDb(): Db {
  if (!holder.tesseraDb) {
    const adapter = new PrismaBetterSQLite3({ url: resolveSqlitePath() });
    holder.tesseraDb = new PrismaClient({ adapter });
  }
  return holder.tesseraDb;
}

export async function closeDb(): Promise<void> {
  const db = holder.tesseraDb;
  holder.tesseraDb = undefined;
  await db?.$disconnect();
}
