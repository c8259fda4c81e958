import { getDb } from "@/lib/db";
import { auditActor, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireManageableApp } from "./access";
import { newSecretSchema, SECRET_LIFETIMES } from "./schemas";
import { generateClientSecret, isSecretLive, MAX_LIVE_SECRETS } from "./secrets";
import { toSecretView, type SecretView } from "./view";

const DAY_MS = 24 * 60 * 60 * 1000;

// Adds a client secret (shown once, in the return value). At most two live
// secrets at a time: enough to roll over without downtime.
export async function generateAppSecret(
  actor: Actor,
  clientId: string,
  input: unknown,
  groupSlug?: string,
): Promise<{ secret: string; view: SecretView }> {
  const app = await requireManageableApp(actor, clientId, groupSlug);
  const { expiresIn } = parseInput(newSecretSchema, input);
  if (app.clientType === "PUBLIC") throw new AppError("CONFLICT", "Public clients have no secret: they use PKCE");
  const days = SECRET_LIFETIMES[expiresIn];
  const expiresAt = days === null ? null : new Date(Date.now() + days * DAY_MS);
  const generated = generateClientSecret();
  const actorIds = auditActor(actor);

  const row = await getDb().$transaction(async (tx) => {
    const secrets = await tx.appSecret.findMany({ where: { appId: app.id, revokedAt: null } });
    if (secrets.filter((secret) => isSecretLive(secret)).length >= MAX_LIVE_SECRETS) {
      throw new AppError("CONFLICT", `An app can have at most ${MAX_LIVE_SECRETS} live secrets. Revoke one first.`);
    }
    const created = await tx.appSecret.create({
      data: { appId: app.id, hash: generated.hash, hint: generated.hint, expiresAt, createdById: actorIds.actorUserId },
    });
    await recordAuditEvent(
      { ...actorIds, action: "app.secret_generated", groupId: app.ownerGroupId, targetType: "app", targetId: app.id, details: { hint: generated.hint, expiresAt: expiresAt?.toISOString() ?? null } },
      tx,
    );
    return created;
  });
  return { secret: generated.secret, view: toSecretView(row) };
}

// Revokes a secret at once. A confidential app's last live secret can't be
// revoked: generate its replacement first.
export async function revokeAppSecret(actor: Actor, clientId: string, secretId: string, groupSlug?: string): Promise<SecretView> {
  const app = await requireManageableApp(actor, clientId, groupSlug);
  const row = await getDb().$transaction(async (tx) => {
    const secret = await tx.appSecret.findFirst({ where: { id: secretId, appId: app.id } });
    if (!secret) throw notFound("Secret not found");
    if (secret.revokedAt) throw new AppError("CONFLICT", "This secret is already revoked");
    const live = (await tx.appSecret.findMany({ where: { appId: app.id, revokedAt: null } })).filter((s) => isSecretLive(s));
    if (app.clientType === "CONFIDENTIAL" && live.length === 1 && live[0].id === secret.id) {
      throw new AppError("CONFLICT", "This is the app's only live secret. Generate a new one before revoking it.");
    }
    const revoked = await tx.appSecret.update({ where: { id: secret.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(
      { ...auditActor(actor), action: "app.secret_revoked", groupId: app.ownerGroupId, targetType: "app", targetId: app.id, details: { hint: secret.hint } },
      tx,
    );
    return revoked;
  });
  return toSecretView(row);
}
