import type { z } from "zod";
import { AppError } from "./errors";

// Parses input with a zod schema, or throws a VALIDATION AppError whose
// fields map "path.to.field" to its first message (what forms display).
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_form";
    fields[key] ??= issue.message;
  }
  throw new AppError("VALIDATION", "Some fields need your attention", fields);
}
