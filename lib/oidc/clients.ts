import type { ClientMetadata } from "oidc-provider";
import { hashClientSecret } from "@/lib/apps/secrets";
import { getOidcSqlite, runWrite, toDbTime } from "./sqlite";

// Stands in for the clear secret oidc-provider's metadata schema requires;
// the real check is verifyClientSecret against the stored hashes.
export const HASHED_SECRET_PLACEHOLDER = "stored-as-sha256-hash";
const LAST_USED_RESOLUTION_MS = 60_000;

type AppRow = {
  clientId: string; name: string; clientType: "CONFIDENTIAL" | "PUBLIC"; redirectUris: string;
  logoUrl: string | null; homepageUrl: string | null; privacyPolicyUrl: string | null; termsUrl: string | null; contactEmail: string;
};

let statements: ReturnType<typeof prepare> | undefined;
function prepare() {
  const db = getOidcSqlite();
  return {
    app: db.prepare<[string], AppRow>(
      `SELECT clientId, name, clientType, redirectUris, logoUrl, homepageUrl, privacyPolicyUrl, termsUrl, contactEmail
       FROM App WHERE clientId = ? AND status = 'ACTIVE'`,
    ),
    secret: db.prepare<[string, string, string], { id: string; lastUsedAt: string | null }>(
      `SELECT s.id, s.lastUsedAt FROM AppSecret s JOIN App a ON a.id = s.appId
       WHERE s.hash = ? AND a.clientId = ? AND a.status = 'ACTIVE' AND s.revokedAt IS NULL AND (s.expiresAt IS NULL OR s.expiresAt > ?)`,
    ),
    touch: db.prepare("UPDATE AppSecret SET lastUsedAt = ? WHERE id = ?"),
    scopes: db.prepare<[string], { scopes: string }>("SELECT scopes FROM App WHERE clientId = ? AND status = 'ACTIVE'"),
  };
}
const sql = () => (statements ??= prepare());

// A registration as oidc-provider sees it, read on each use so edits apply
// at once and suspended or deleted apps can't authenticate.
export function findClientMetadata(clientId: string): ClientMetadata | undefined {
  const app = sql().app.get(clientId);
  if (!app) return undefined;
  const confidential = app.clientType === "CONFIDENTIAL";
  const optional = (value: string | null) => value ?? undefined;
  return {
    client_id: app.clientId,
    client_name: app.name,
    ...(confidential ? { client_secret: HASHED_SECRET_PLACEHOLDER } : {}),
    // Confidential apps may also send their secret in the form body: the
    // route layer moves it into HTTP Basic before the provider sees it.
    token_endpoint_auth_method: confidential ? "client_secret_basic" : "none",
    // Confidential apps may also get bot tokens for their installations.
    grant_types: confidential ? ["authorization_code", "refresh_token", "client_credentials"] : ["authorization_code", "refresh_token"],
    response_types: ["code"],
    redirect_uris: JSON.parse(app.redirectUris) as string[],
    logo_uri: optional(app.logoUrl),
    client_uri: optional(app.homepageUrl),
    policy_uri: optional(app.privacyPolicyUrl),
    tos_uri: optional(app.termsUrl),
    contacts: [app.contactEmail],
  };
}

// Any live (not revoked, not expired) secret of the app matches. Last use
// is recorded at a one-minute resolution to keep writes off the hot path.
export function verifyClientSecret(clientId: string, secret: string): boolean {
  const now = Date.now();
  const row = sql().secret.get(hashClientSecret(secret), clientId, toDbTime(now));
  if (!row) return false;
  if (!row.lastUsedAt || Date.parse(row.lastUsedAt) < now - LAST_USED_RESOLUTION_MS) {
    runWrite(() => sql().touch.run(toDbTime(now), row.id)).catch((error) => console.error("could not record secret use", error));
  }
  return true;
}

// The permissions an app registered (its default request), or undefined.
export function findClientScopes(clientId: string): string[] | undefined {
  const row = sql().scopes.get(clientId);
  return row ? (JSON.parse(row.scopes) as string[]) : undefined;
}
