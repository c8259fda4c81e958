import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const SECRET_PREFIX = "tsk_";

// A new client secret: 256 random bits, prefixed so secret scanners can spot
// a leaked one. Only its hash and hint are ever stored.
export function generateClientSecret(): { secret: string; hash: string; hint: string } {
  const secret = SECRET_PREFIX + randomBytes(32).toString("base64url");
  return { secret, hash: hashClientSecret(secret), hint: secret.slice(-4) };
}

// SHA-256, not a slow KDF: the secret has 256 bits of entropy (nothing to
// brute-force) and is checked on every token request.
export function hashClientSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashClientSecret(secret), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function generateClientId(): string {
  return randomBytes(16).toString("hex");
}

export type SecretState = { revokedAt: Date | null; expiresAt: Date | null };

export function isSecretLive(secret: SecretState, now = new Date()): boolean {
  return !secret.revokedAt && (!secret.expiresAt || secret.expiresAt > now);
}

export const MAX_LIVE_SECRETS = 2;
