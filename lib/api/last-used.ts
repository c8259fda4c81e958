import { getDb } from "@/lib/db";

const RESOLUTION_MS = 60_000;
const touched = new Map<string, number>();

function due(key: string, now: number): boolean {
  if ((touched.get(key) ?? 0) > now - RESOLUTION_MS) return false;
  touched.set(key, now);
  if (touched.size > 10_000) touched.clear();
  return true;
}

// "Last used" for the installation and the person's grant, recorded at most
// once a minute per process so the API's hot path stays read-only.
export function recordApiUse(installationId: string, grantId?: string): void {
  const now = Date.now();
  const at = new Date(now);
  const writes: Promise<unknown>[] = [];
  if (due(`i:${installationId}`, now)) writes.push(getDb().installation.update({ where: { id: installationId }, data: { lastUsedAt: at } }));
  if (grantId && due(`g:${grantId}`, now)) writes.push(getDb().appGrant.update({ where: { grantId }, data: { lastUsedAt: at } }));
  Promise.all(writes).catch((error) => console.error("could not record last use", error));
}
