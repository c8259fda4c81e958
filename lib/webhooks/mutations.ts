import { getDb, Prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { encryptWebhookSecret, generateWebhookSecret } from "./secrets";
import { deliverySettings } from "./settings";

// The webhook of an app and its events, as the UI and the CLI change them.
// Callers check who may do this (group admin of the owning group) first.

// Creates the app's webhook with a new signing secret if it has none. The
// secret is returned only when it was just made: it is shown once.
export async function ensureWebhook(appId: string): Promise<{ webhookId: string; secret: string | null }> {
  const db = getDb();
  const existing = await db.webhook.findUnique({ where: { appId }, select: { id: true } });
  if (existing) return { webhookId: existing.id, secret: null };
  const { secret, hint } = generateWebhookSecret();
  const secretCipher = await encryptWebhookSecret(secret);
  try {
    const created = await db.webhook.create({ data: { appId, secretCipher, secretHint: hint }, select: { id: true } });
    return { webhookId: created.id, secret };
  } catch (error) {
    // Another request made it first: theirs stands, and was shown to them.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const row = await db.webhook.findUniqueOrThrow({ where: { appId }, select: { id: true } });
      return { webhookId: row.id, secret: null };
    }
    throw error;
  }
}

// A new signing secret, effective for the next delivery (also of pending events).
export async function rotateWebhookSecret(appId: string): Promise<{ secret: string; hint: string }> {
  const { secret, hint } = generateWebhookSecret();
  const secretCipher = await encryptWebhookSecret(secret);
  const data = { secretCipher, secretHint: hint, secretCreatedAt: new Date() };
  await getDb().webhook.upsert({ where: { appId }, create: { appId, ...data }, update: data });
  return { secret, hint };
}

// Re-enables a disabled webhook by hand; its pending events go out again.
export async function enableWebhook(appId: string): Promise<void> {
  const { count } = await getDb().webhook.updateMany({
    where: { appId },
    data: { disabledAt: null, disabledReason: null, consecutiveFailures: 0 },
  });
  if (count === 0) throw notFound("This app has no webhook");
}

// Sends an event again as soon as a worker is free: same id, same body, its
// attempt log kept. A FAILED or DELIVERED event gets one more attempt.
export async function redeliverEvent(eventId: string): Promise<void> {
  const { count } = await getDb().webhookEvent.updateMany({
    where: { id: eventId },
    data: { status: "PENDING", nextAttemptAt: deliverySettings().now(), deliveredAt: null },
  });
  if (count === 0) throw notFound("Webhook event not found");
}

type Tx = Pick<Prisma.TransactionClient, "webhook" | "auditEvent">;

export type WebhookOwner = { webhookId: string; appId: string; appName: string; clientId: string; ownerGroupId: string };

// Turns a webhook off (410 Gone, or too many failures in a row) and tells
// the owning group's admins through the audit log; the UI shows a banner
// while disabledAt is set. Returns false if it already was off.
export async function disableWebhook(tx: Tx, owner: WebhookOwner, reason: string): Promise<boolean> {
  const { count } = await tx.webhook.updateMany({
    where: { id: owner.webhookId, disabledAt: null },
    data: { disabledAt: deliverySettings().now(), disabledReason: reason },
  });
  if (count === 0) return false;
  await recordAuditEvent(
    {
      action: "webhook.disabled",
      actorLabel: "Webhook delivery",
      groupId: owner.ownerGroupId,
      targetType: "app",
      targetId: owner.appId,
      details: { app: owner.appName, clientId: owner.clientId, reason },
    },
    tx,
  );
  return true;
}
