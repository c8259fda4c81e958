import { getDb } from "@/lib/db";
import { auditActor, isPlatformActor, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireAppAdminGroup, requireManageableApp } from "./access";
import { appRegistrationSchema, appSettingsSchema, deleteAppSchema, type AppSettings } from "./schemas";
import { generateClientId, generateClientSecret } from "./secrets";
import { stringList, toAppView, type AppView } from "./view";
import { toSearchKey } from "./search-key";
import { emitUninstalled, revokeInstallation } from "@/lib/consent/mutations";
import { endGrantTokens, endGrantsOfApp } from "@/lib/oidc/grants";
import { isInstallableIn } from "@/lib/consent/visibility";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";
import { ensureWebhook } from "@/lib/webhooks/mutations";

type GroupWithOrg = { organization: { isPlatform: boolean } };

// Global apps are "published by the platform": only platform admins choose
// Global, and only for apps owned by a group of the platform organization.
function assertAvailabilityAllowed(actor: Actor, group: GroupWithOrg, availability: AppSettings["availability"]) {
  if (availability !== "GLOBAL") return;
  const reason = !isPlatformActor(actor)
    ? "Only platform admins can publish Global apps"
    : !group.organization.isPlatform
      ? "Global apps are published from a group of the platform organization"
      : null;
  if (reason) throw new AppError("VALIDATION", reason, { availability: reason });
}

function settingsData(settings: AppSettings) {
  return { ...settings, redirectUris: settings.redirectUris.map((item) => item.uri), searchName: toSearchKey(settings.name) };
}

// The SSRF guard at save time: https only (http to loopback only with the
// development allowance), and a webhook URL must not resolve to a private
// address. It resolves names, so it runs before any transaction opens.
async function assertServerUrlsAllowed(settings: Pick<AppSettings, "webhookUrl" | "setupUrl">): Promise<void> {
  const fields: Record<string, string> = {};
  const [webhook, setup] = await Promise.all([
    settings.webhookUrl ? checkWebhookUrl(settings.webhookUrl) : null,
    settings.setupUrl ? checkWebhookUrl(settings.setupUrl) : null,
  ]);
  if (webhook) fields.webhookUrl = webhook;
  if (setup) fields.setupUrl = setup.replace(/^A webhook URL/, "A setup URL").replace(/^Webhooks can only reach public addresses/, "The setup URL must be a public address");
  const first = fields.webhookUrl ?? fields.setupUrl;
  if (first) throw new AppError("VALIDATION", first, fields);
}

// The app's webhook (and its signing secret, returned only when it was just
// made), after the app's own transaction has committed. A failure here must
// not hide the client secret just created: the app's Webhook card offers to
// generate the signing secret then.
async function ensureAppWebhook(appId: string, webhookUrl: string | null): Promise<string | null> {
  if (!webhookUrl) return null;
  try {
    return (await ensureWebhook(appId)).secret;
  } catch (error) {
    console.error(`[webhooks] creating the webhook of app ${appId} failed:`, error);
    return null;
  }
}

// webhookSecret: the webhook's signing secret, when this call created it (shown once).
export type CreatedApp = { app: AppView; clientSecret: string | null; webhookSecret: string | null };

// Registers an app in a group. A confidential app gets its first secret,
// returned here once and never again; so does an app with a webhook URL
// (the webhook's signing secret).
export async function createApp(actor: Actor, groupSlug: string, input: unknown): Promise<CreatedApp> {
  const group = await requireAppAdminGroup(actor, groupSlug);
  const registration = parseInput(appRegistrationSchema, input);
  assertAvailabilityAllowed(actor, group, registration.availability);
  await assertServerUrlsAllowed(registration);
  const secret = registration.clientType === "CONFIDENTIAL" ? generateClientSecret() : null;
  const actorIds = auditActor(actor);

  const app = await getDb().$transaction(async (tx) => {
    const created = await tx.app.create({
      data: {
        ...settingsData(registration),
        clientType: registration.clientType,
        clientId: generateClientId(),
        ownerGroupId: group.id,
        organizationId: group.organizationId,
        createdById: actorIds.actorUserId,
        secrets: secret ? { create: { hash: secret.hash, hint: secret.hint, createdById: actorIds.actorUserId } } : undefined,
      },
    });
    await recordAuditEvent(
      { ...actorIds, action: "app.created", groupId: group.id, targetType: "app", targetId: created.id, details: { name: created.name, clientId: created.clientId } },
      tx,
    );
    return created;
  });
  const webhookSecret = await ensureAppWebhook(app.id, app.webhookUrl);
  return { app: toAppView(app), clientSecret: secret?.secret ?? null, webhookSecret };
}

// webhookSecret: set when this edit gave the app its webhook (shown once).
export type UpdatedApp = AppView & { webhookSecret: string | null };

// Edits an app's settings (not its client type, fixed at registration).
export async function updateApp(actor: Actor, clientId: string, input: unknown, groupSlug?: string): Promise<UpdatedApp> {
  const existing = await requireManageableApp(actor, clientId, groupSlug);
  const settings = parseInput(appSettingsSchema, input);
  // Publishing to, or withdrawing from, Global is the platform's decision;
  // other edits of a Global app are open to the owning group's admins.
  if (settings.availability !== existing.availability) {
    assertAvailabilityAllowed(actor, existing.ownerGroup, settings.availability);
    if (existing.availability === "GLOBAL" && !isPlatformActor(actor)) {
      const reason = "Only platform admins can withdraw a Global app";
      throw new AppError("VALIDATION", reason, { availability: reason });
    }
  }
  const data = settingsData(settings);
  const before = toAppView(existing) as Record<string, unknown>;
  const changed = Object.keys(data).filter((key) => key !== "searchName" && JSON.stringify(before[key]) !== JSON.stringify(data[key as keyof typeof data]));

  await assertServerUrlsAllowed(settings);

  let endedGrants: string[] = [];
  const app = await getDb().$transaction(async (tx) => {
    const updated = await tx.app.update({ where: { id: existing.id }, data });
    endedGrants = await revokeUnreachableInstallations(tx, updated, actor);
    if (changed.length > 0) {
      await recordAuditEvent(
        { ...auditActor(actor), action: "app.updated", groupId: existing.ownerGroupId, targetType: "app", targetId: existing.id, details: { changed } },
        tx,
      );
    }
    return updated;
  });
  await endGrantTokens(endedGrants);
  const webhookSecret = await ensureAppWebhook(app.id, app.webhookUrl);
  return { ...toAppView(app), webhookSecret };
}

// Deletes an app after its name is typed back. Its secrets go with it (and,
// through the database's cascades, everything else that belongs to it).
export async function deleteApp(actor: Actor, clientId: string, input: unknown, groupSlug?: string): Promise<void> {
  const app = await requireManageableApp(actor, clientId, groupSlug);
  const { confirmName } = parseInput(deleteAppSchema, input);
  if (confirmName.trim() !== app.name) {
    const message = "Type the app's name exactly to confirm";
    throw new AppError("VALIDATION", message, { confirmName: message });
  }
  await endGrantsOfApp(app.id);
  await getDb().$transaction(async (tx) => {
    await tx.app.delete({ where: { id: app.id } });
    await recordAuditEvent(
      { ...auditActor(actor), action: "app.deleted", groupId: app.ownerGroupId, targetType: "app", targetId: app.id, details: { name: app.name, clientId } },
      tx,
    );
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0];

// Narrowing an app's availability ends its installations in the groups that
// can no longer see it; narrowing its permissions lowers every group's ceiling.
async function revokeUnreachableInstallations(tx: Tx, app: AppForScope, actor: Actor): Promise<string[]> {
  const live = await tx.installation.findMany({ where: { appId: app.id, status: "INSTALLED" }, include: { group: true } });
  // A group's ceiling never exceeds what the app may request.
  const allowed = new Set(stringList(app.scopes));
  for (const installation of live) {
    const ceiling = stringList(installation.scopes);
    if (ceiling.some((scope) => !allowed.has(scope))) {
      await tx.installation.update({ where: { id: installation.id }, data: { scopes: ceiling.filter((scope) => allowed.has(scope)) } });
    }
  }
  const ended: string[] = [];
  for (const installation of live.filter((row) => !isInstallableIn(app, row.group))) {
    ended.push(...(await revokeInstallation(tx, installation.id, actor)));
    await recordAuditEvent(
      { ...auditActor(actor), action: "app.uninstalled", groupId: installation.groupId, targetType: "installation", targetId: installation.id, details: { app: app.name, clientId: app.clientId, reason: "The app is no longer available to this group" } },
      tx,
    );
    await emitUninstalled(tx, installation.groupId, installation.id, app.clientId, actor);
  }
  return ended;
}

type AppForScope = { id: string; clientId: string; name: string; scopes: unknown; availability: "GROUP" | "ORGANIZATION" | "GLOBAL"; ownerGroupId: string; organizationId: string };
