import { runCli } from "./run-cli";

// Runs the CLI in-process for tests, capturing what it prints.
export async function captureCli(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(argv, { out: (line) => stdout.push(line), err: (line) => stderr.push(line) });
  return {
    code,
    stdout: stdout.join("\n"),
    stderr: stderr.join("\n"),
    // stdout parsed as JSON (for --json runs).
    json: <T = Record<string, unknown>>() => JSON.parse(stdout.join("\n")) as T,
  };
}
