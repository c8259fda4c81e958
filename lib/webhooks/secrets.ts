import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getServerSecret } from "@/lib/auth/server-secret";

// A webhook signing secret per app: "whsec_" + base64 of 32 random bytes (the
// Standard Webhooks format). It is shown once and kept encrypted (AES-256-GCM
// under a server-generated key), because the sender needs it back to sign.

const PREFIX = "whsec_";
const CIPHER_VERSION = "v1";

export function generateWebhookSecret(): { secret: string; hint: string } {
  const secret = PREFIX + randomBytes(32).toString("base64");
  return { secret, hint: secret.slice(-4) };
}

async function loadKey(): Promise<Buffer> {
  // Hashed, so an operator-provided value of any length still gives 32 bytes.
  return createHash("sha256").update(await getServerSecret("webhook-secret-key")).digest();
}

// "v1:" + base64url(iv 12 bytes | tag 16 bytes | ciphertext).
export async function encryptWebhookSecret(secret: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", await loadKey(), iv);
  const encrypted = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `${CIPHER_VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString("base64url")}`;
}

export async function decryptWebhookSecret(cipherText: string): Promise<string> {
  const [version, payload] = cipherText.split(":");
  if (version !== CIPHER_VERSION || !payload) throw new Error("Unknown webhook secret format");
  const raw = Buffer.from(payload, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", await loadKey(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

export type SignInput = { id: string; event?: string; timestamp: number; body: string; secret: string };

// The headers of one delivery, signed over the exact body bytes sent:
// Plane's hex HMAC (key = the whole secret string) and the Standard Webhooks
// one (key = the decoded bytes after "whsec_", message = id.timestamp.body).
export function signWebhook({ id, event, timestamp, body, secret }: SignInput): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "Tessera-Webhooks/1",
    "X-Plane-Delivery": id,
    ...(event ? { "X-Plane-Event": event } : {}),
    "X-Plane-Signature": planeSignature(body, secret),
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": `v1,${standardSignature(id, timestamp, body, secret)}`,
  };
}

function planeSignature(body: string | Buffer, secret: string): string {
  return createHmac("sha256", Buffer.from(secret, "utf8")).update(body).digest("hex");
}

function standardKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
}

function standardSignature(id: string, timestamp: number | string, body: string | Buffer, secret: string): string {
  return createHmac("sha256", standardKey(secret)).update(`${id}.${timestamp}.`).update(body).digest("base64");
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === lower) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

function sameBytes(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// Receiver side of X-Plane-Signature: HMAC over the raw body, compared in constant time.
export function verifyPlaneSignature(headers: HeaderSource, body: string | Buffer, secret: string): boolean {
  const received = header(headers, "x-plane-signature");
  return !!received && sameBytes(received.toLowerCase(), planeSignature(body, secret));
}

// Receiver side of Standard Webhooks: any "v1,<sig>" of the space-separated
// list may match, and the timestamp must be within the tolerance (replays).
export function verifyStandardSignature(
  headers: HeaderSource,
  body: string | Buffer,
  secret: string,
  { toleranceSeconds = 300, now = Date.now() }: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = standardSignature(id, timestamp, body, secret);
  return signatures.split(" ").some((entry) => {
    const [version, signature] = entry.split(",");
    return version === "v1" && !!signature && sameBytes(signature, expected);
  });
}
