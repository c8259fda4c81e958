import fs from "node:fs";

// Loads .env (if present) into process.env without overriding what is set.
// Next.js loads it by itself; scripts and the Prisma CLI call this.
export function loadEnvFile(file = ".env"): void {
  if (!fs.existsSync(file)) return;
  const values = Object.entries(parseEnv(fs.readFileSync(file, "utf8")));
  for (const [key, value] of values) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
}

function parseEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!match) continue;
    out[match[1]] = match[2].replace(/^(['"])(.*)\1$/, "$2");
  }
  return out;
}
