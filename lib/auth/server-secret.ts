import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";

const cache = new Map<string, Promise<string>>();

// A secret the server made for itself on first use and keeps in the database,
// so every instance and every restart agrees on it. An environment variable,
// when set, wins (for operators who manage secrets elsewhere).
export function getServerSecret(name: string, envVar?: string): Promise<string> {
  const fromEnv = envVar ? process.env[envVar] : undefined;
  if (fromEnv) return Promise.resolve(fromEnv);
  let pending = cache.get(name);
  if (!pending) {
    pending = loadOrCreate(name);
    pending.catch(() => cache.delete(name));
    cache.set(name, pending);
  }
  return pending;
}

async function loadOrCreate(name: string): Promise<string> {
  const db = getDb();
  const candidate = randomBytes(32).toString("base64url");
  // Two instances may race on first start: the first insert wins, both read it back.
  await db.serverSecret.upsert({ where: { name }, create: { name, value: candidate }, update: {} });
  const row = await db.serverSecret.findUniqueOrThrow({ where: { name } });
  return row.value;
}
