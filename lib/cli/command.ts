import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Actor } from "@/lib/auth/actor";
import { usageError } from "./cli-error";
import type { CliIo } from "./cli-io";
import { assertDatabaseFile } from "./database";
import { resolveActor } from "./resolve-actor";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

// Options every command accepts.
export const COMMON_OPTIONS = {
  as: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsOptionsConfig;

type ArgsConfig<T extends ParseArgsOptionsConfig> = {
  args: string[];
  options: typeof COMMON_OPTIONS & T;
  strict: true;
  allowPositionals: true;
};
export type CommandValues<T extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<ArgsConfig<T>>>["values"];

export type CommandContext<T extends ParseArgsOptionsConfig> = {
  values: CommandValues<T>;
  positionals: string[];
  actor: Actor;
  json: boolean;
  io: CliIo;
};

export type CliCommand = { name: string; usage: string; run: (args: string[], io: CliIo) => Promise<void> };

type CommandSpec<T extends ParseArgsOptionsConfig> = {
  name: string;
  usage: string;
  options: T;
  // Names of the required positional arguments, e.g. ["client_id"].
  positionals: string[];
  run: (context: CommandContext<T>) => Promise<void>;
};

// Strict parsing: unknown flags, missing values and stray arguments are
// refused before anything touches the database.
export function parseCommandArgs<T extends ParseArgsOptionsConfig>(name: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals: true } as ArgsConfig<T>);
  } catch (error) {
    throw usageError(describeParseError(name, error));
  }
}

function describeParseError(name: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const flag = /'(-[^'\s]*)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag) return `Unknown option ${flag} for "${name}"`;
  return message;
}

function checkPositionals(name: string, expected: string[], actual: string[]): void {
  if (actual.length < expected.length) throw usageError(`Missing <${expected[actual.length]}> for "${name}"`);
  if (actual.length > expected.length) throw usageError(`Unexpected argument "${actual[expected.length]}" for "${name}"`);
}

// A command: parses its flags, shows its help on --help, checks the database
// exists, resolves who acts (--as), then runs. Errors propagate to runCli.
export function defineCommand<T extends ParseArgsOptionsConfig>(spec: CommandSpec<T>): CliCommand {
  return {
    name: spec.name,
    usage: spec.usage,
    async run(args, io) {
      const { values, positionals } = parseCommandArgs(spec.name, args, spec.options);
      const common = values as { as?: string; json?: boolean; help?: boolean };
      if (common.help) return io.out(spec.usage);
      checkPositionals(spec.name, spec.positionals, positionals);
      assertDatabaseFile();
      const actor = await resolveActor(common.as);
      await spec.run({ values, positionals, actor, json: common.json === true, io });
    },
  };
}
