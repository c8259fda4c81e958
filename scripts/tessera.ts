// Tessera's management CLI: `npm run tessera -- help` lists the commands.
// The logic lives in lib/cli; this entry only wires it to the process.
import { loadEnvFile } from "../lib/db/load-env";
import { closeDb } from "../lib/db";
import { createProcessIo } from "../lib/cli/cli-io";
import { runCli } from "../lib/cli/run-cli";

async function main() {
  loadEnvFile();
  const code = await runCli(process.argv.slice(2), createProcessIo());
  await closeDb();
  process.exitCode = code;
}

void main();
