import { isAppError, type ErrorCode } from "@/lib/errors";
import { CliError, type CliErrorCode } from "./cli-error";
import type { CliIo } from "./cli-io";
import { toMissingSchemaError } from "./database";

// The CLI's one mapping from an error to what the operator sees and the exit
// code scripts can test. Nothing else in lib/cli catches errors.

const APP_ERROR_EXIT: Partial<Record<ErrorCode, number>> = { VALIDATION: 2, NOT_FOUND: 3, FORBIDDEN: 3, CONFLICT: 4 };
const CLI_ERROR_EXIT: Record<CliErrorCode, number> = { USAGE: 2, DATABASE_NOT_READY: 1 };

type Problem = { code: string; message: string; fields: Record<string, string>; hint: string; exitCode: number };

function describeError(error: unknown): Problem {
  if (isAppError(error)) {
    return { code: error.code, message: error.message, fields: error.fields, hint: "", exitCode: APP_ERROR_EXIT[error.code] ?? 1 };
  }
  const cliError = error instanceof CliError ? error : toMissingSchemaError(error);
  if (cliError) {
    return { code: cliError.code, message: cliError.message, fields: {}, hint: cliError.hint, exitCode: CLI_ERROR_EXIT[cliError.code] };
  }
  // Unexpected: keep the stack for the operator; it is a bug or an outage.
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof Error && error.stack ? error.stack : "";
  return { code: "INTERNAL", message, fields: {}, hint, exitCode: 1 };
}

// Human message (and one line per field) on stderr; with --json the same
// problem is also printed as JSON on stdout. Returns the exit code.
export function reportError(error: unknown, io: CliIo, json: boolean): number {
  const problem = describeError(error);
  io.err(`Error: ${problem.message}`);
  for (const [field, message] of Object.entries(problem.fields)) io.err(`  ${field}: ${message}`);
  if (problem.hint) io.err(problem.hint);
  if (json) io.out(JSON.stringify({ error: problem.code, message: problem.message, fields: problem.fields }, null, 2));
  return problem.exitCode;
}
