import { spawn, type SpawnOptions } from "node:child_process";
import path from "node:path";

const BIN = path.join(process.cwd(), "node_modules", ".bin");

// Runs a project binary (from node_modules/.bin); rejects on failure. With
// `quiet`, output lines matching it are dropped (known, harmless noise).
export function runBin(name: string, args: string[], options: SpawnOptions & { quiet?: RegExp } = {}): Promise<void> {
  const { quiet, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, name), args, { stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit", ...spawnOptions });
    if (quiet) {
      child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(dropLines(chunk, quiet)));
      child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(dropLines(chunk, quiet)));
    }
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${name} ${args.join(" ")} exited with ${signal ?? code}`));
    });
  });
}

function dropLines(chunk: Buffer, pattern: RegExp): string {
  return chunk
    .toString()
    .split("\n")
    .filter((line) => !pattern.test(line))
    .join("\n");
}

// Prisma's CLI with the WebAssembly engines only: pointing the native engine
// variables at any existing file stops its (offline, failing) download attempt.
export function prismaEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const placeholder = path.join(process.cwd(), "package.json");
  return {
    ...env,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

// The datasource url line is required by Prisma's validator but unused with
// a driver adapter; its warning about that is dropped.
const PRISMA_NOISE = /datasource properties but you are using a Driver Adapter|^- url$|values from your schema will NOT be used|remove those properties from your schema|Prisma config detected, skipping environment|^Loaded Prisma config/;

export function runPrisma(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return runBin("prisma", args, { env: prismaEnv(env), quiet: PRISMA_NOISE });
}
