// Where the CLI writes: the terminal in scripts/tessera.ts, arrays in tests.
// Each call is one line (the newline is added by the writer).
export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
};

export function createProcessIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
}

export function writeJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
