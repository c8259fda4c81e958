import fs from "node:fs";
import { Prisma } from "@/lib/db";
import { resolveSqlitePath } from "@/lib/db/database-url";
import { CliError } from "./cli-error";

const MIGRATE_HINT = "Run `npm start` (migrates, seeds and serves) or `npm run db:migrate` first.";

// The CLI never creates or migrates the database: opening a missing file
// would leave an empty one behind, so a missing file is refused up front.
export function assertDatabaseFile(): void {
  const file = resolveSqlitePath();
  if (!fs.existsSync(file)) {
    throw new CliError("DATABASE_NOT_READY", `No database at ${file}.`, MIGRATE_HINT);
  }
}

// Prisma's "table/column does not exist" (P2021/P2022) means the database
// exists but is not (fully) migrated.
export function toMissingSchemaError(error: unknown): CliError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  if (error.code !== "P2021" && error.code !== "P2022") return null;
  const what = error.code === "P2021" ? `table ${describeTable(error.meta)}` : "a column";
  return new CliError("DATABASE_NOT_READY", `The database is not migrated: ${what} is missing.`, MIGRATE_HINT);
}

function describeTable(meta: Record<string, unknown> | undefined): string {
  const name = meta?.table ?? meta?.modelName;
  return typeof name === "string" ? name : "(unknown)";
}
