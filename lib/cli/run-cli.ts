import { appsCreate } from "./apps-create";
import { appsDelete } from "./apps-delete";
import { appsList } from "./apps-list";
import { appsRotateSecret } from "./apps-rotate-secret";
import { appsShow } from "./apps-show";
import { usageError } from "./cli-error";
import type { CliIo } from "./cli-io";
import type { CliCommand } from "./command";
import { consentAdd } from "./consent-add";
import { consentList } from "./consent-list";
import { consentRemove } from "./consent-remove";
import { installationsShow } from "./installations-show";
import { keysRotate } from "./keys-rotate";
import { reportError } from "./report-error";
import { USAGE } from "./usage";
import { webhooksDeliveries } from "./webhooks-deliveries";
import { webhooksEnable } from "./webhooks-enable";
import { webhooksRedeliver } from "./webhooks-redeliver";
import { webhooksRotateSecret } from "./webhooks-rotate-secret";

// Commands by their first word ("apps create" is in "apps").
const COMMAND_GROUPS: Record<string, CliCommand[]> = {
  apps: [appsCreate, appsList, appsShow, appsRotateSecret, appsDelete],
  consent: [consentAdd, consentList, consentRemove],
  installations: [installationsShow],
  keys: [keysRotate],
  webhooks: [webhooksDeliveries, webhooksRedeliver, webhooksRotateSecret, webhooksEnable],
};
const HELP_WORDS = new Set(["help", "--help", "-h"]);

// Finds the command named by the first words of argv, with the rest of argv.
function findCommand(argv: string[]): { command: CliCommand; args: string[] } {
  const [group, verb = "", ...args] = argv;
  const commands = Object.hasOwn(COMMAND_GROUPS, group) ? COMMAND_GROUPS[group] : undefined;
  const command = commands?.find((candidate) => candidate.name === `${group} ${verb}`);
  if (command) return { command, args };
  const name = commands ? `${group} ${verb}`.trim() : group;
  throw usageError(`Unknown command "${name}"`, USAGE);
}

// The whole CLI as a function: argv without "node script", output through io,
// the exit code as result. Every error is mapped by reportError alone.
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || HELP_WORDS.has(argv[0])) {
    io.out(USAGE);
    return 0;
  }
  try {
    const { command, args } = findCommand(argv);
    await command.run(args, io);
    return 0;
  } catch (error) {
    return reportError(error, io, argv.includes("--json"));
  }
}
