import { createHash, generateKeyPairSync, randomBytes, type JsonWebKey } from "node:crypto";
import { getDb } from "@/lib/db";

const JWKS_SECRET = "oidc-signing-keys";
const COOKIE_SECRET = "oidc-cookie-keys";
const KEEP_OLD = 2;

type Jwk = JsonWebKey & { kid: string; alg: string; use: "sig" };

function toJwk(privateKey: ReturnType<typeof generateKeyPairSync>["privateKey"], alg: string): Jwk {
  const jwk = privateKey.export({ format: "jwk" });
  const kid = createHash("sha256").update(JSON.stringify([jwk.n, jwk.x, jwk.y])).digest("base64url").slice(0, 16);
  return { ...jwk, kid, alg, use: "sig" };
}

// One RS256 key (what most clients expect for ID tokens) and one ES256 key.
function makeSigningKeys(): Jwk[] {
  return [
    toJwk(generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey, "RS256"),
    toJwk(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey, "ES256"),
  ];
}

const makeCookieKey = () => randomBytes(32).toString("base64url");

async function loadList<T>(name: string, make: () => T): Promise<T[]> {
  const db = getDb();
  // First start: the first writer's keys win; everyone reads them back.
  await db.serverSecret.upsert({ where: { name }, create: { name, value: JSON.stringify([make()]) }, update: {} });
  const row = await db.serverSecret.findUniqueOrThrow({ where: { name } });
  return JSON.parse(row.value) as T[];
}

// Signing keys (ES256) and cookie keys, generated on first start and kept in
// the database — never in git or .env. The first key of each list signs;
// the others still verify, which is what makes rotation seamless.
export async function loadProviderKeys(): Promise<{ jwks: Jwk[]; cookieKeys: string[] }> {
  const [keySets, cookieKeys] = await Promise.all([loadList(JWKS_SECRET, makeSigningKeys), loadList(COOKIE_SECRET, makeCookieKey)]);
  return { jwks: keySets.flat(), cookieKeys };
}

// Rotation: a new key goes first (it signs from the next start on), the
// previous ones stay to verify tokens and cookies already issued, and keys
// older than that are dropped.
export async function rotateProviderKeys(): Promise<{ signingKeyId: string }> {
  const db = getDb();
  const { cookieKeys } = await loadProviderKeys();
  const keySets = await loadList(JWKS_SECRET, makeSigningKeys);
  const signing = makeSigningKeys();
  await db.$transaction([
    db.serverSecret.update({ where: { name: JWKS_SECRET }, data: { value: JSON.stringify([signing, ...keySets].slice(0, KEEP_OLD + 1)) } }),
    db.serverSecret.update({ where: { name: COOKIE_SECRET }, data: { value: JSON.stringify([makeCookieKey(), ...cookieKeys].slice(0, KEEP_OLD + 1)) } }),
  ]);
  return { signingKeyId: signing[0].kid };
}
