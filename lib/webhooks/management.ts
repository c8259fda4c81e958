import { getDb } from "@/lib/db";
import { auditActor, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { requireManageableApp } from "@/lib/apps/access";
import { AppError } from "@/lib/errors";
import { enableWebhook, redeliverEvent, rotateWebhookSecret } from "./mutations";
import { requireManageableEvent } from "./queries";

// What the app's owners do with its webhook, from the UI and the CLI: each
// call checks who acts (requireManageableApp) and leaves an audit event on
// the app (it shows in the app's Activity).

// A new signing secret, effective from the next delivery; returned once.
export async function regenerateWebhookSecret(actor: Actor, clientId: string, groupSlug?: string): Promise<{ secret: string; hint: string }> {
  const app = await requireManageableApp(actor, clientId, groupSlug);
  const existing = await getDb().webhook.findUnique({ where: { appId: app.id }, select: { id: true } });
  if (!existing && !app.webhookUrl) {
    throw new AppError("CONFLICT", "This app has no webhook URL: add one in its settings first");
  }
  const { secret, hint } = await rotateWebhookSecret(app.id);
  await recordAuditEvent({
    ...auditActor(actor),
    action: existing ? "webhook.secret_regenerated" : "webhook.secret_generated",
    groupId: app.ownerGroupId,
    targetType: "app",
    targetId: app.id,
    details: { app: app.name, clientId: app.clientId, hint },
  });
  return { secret, hint };
}

// Re-enables a paused webhook by hand; its pending events go out again.
// Returns false (and records nothing) when it was not paused.
export async function reenableWebhook(actor: Actor, clientId: string, groupSlug?: string): Promise<boolean> {
  const app = await requireManageableApp(actor, clientId, groupSlug);
  const webhook = await getDb().webhook.findUnique({ where: { appId: app.id }, select: { disabledAt: true, disabledReason: true } });
  if (!webhook) throw new AppError("CONFLICT", "This app has no webhook yet");
  if (!webhook.disabledAt) return false;
  await enableWebhook(app.id);
  await recordAuditEvent({
    ...auditActor(actor),
    action: "webhook.enabled",
    groupId: app.ownerGroupId,
    targetType: "app",
    targetId: app.id,
    details: { app: app.name, clientId: app.clientId, previousReason: webhook.disabledReason },
  });
  return true;
}

export type Redelivered = { eventId: string; event: string; action: string; appName: string; clientId: string };

// Sends an event again (same id and body: receivers de-duplicate on it) as
// soon as the worker is free. Not while deliveries are paused: re-enable first.
export async function redeliverWebhookEvent(actor: Actor, eventId: string, groupSlug?: string): Promise<Redelivered> {
  const { event, app } = await requireManageableEvent(actor, eventId, groupSlug);
  if (!app.webhookUrl) throw new AppError("CONFLICT", "This app has no webhook URL: add one in its settings first");
  if (event.webhook.disabledAt) throw new AppError("CONFLICT", "Deliveries to this app are paused: re-enable its webhook first");
  await redeliverEvent(event.id);
  await recordAuditEvent({
    ...auditActor(actor),
    action: "webhook.redelivered",
    groupId: app.ownerGroupId,
    targetType: "app",
    targetId: app.id,
    details: { app: app.name, clientId: app.clientId, eventId: event.id, event: `${event.event}.${event.action}`, previousStatus: event.status },
  });
  return { eventId: event.id, event: event.event, action: event.action, appName: app.name, clientId: app.clientId };
}
