// Failures of the CLI itself (not of the data layer, which throws AppError):
// a bad command line, or a database that is not ready.
export type CliErrorCode = "USAGE" | "DATABASE_NOT_READY";

export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly hint = "",
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const HELP_HINT = "Run `npm run tessera -- help` for usage.";

export function usageError(message: string, hint = HELP_HINT): CliError {
  return new CliError("USAGE", message, hint);
}
