import { getDb, Prisma } from "@/lib/db";
import { auditActor, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { requireAppAdminGroup } from "@/lib/apps/access";
import { REQUIRED_SCOPE, sortScopes } from "@/lib/apps/scopes";
import { stringList } from "@/lib/apps/view";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { addConsentSchema } from "./schemas";
import { isInstallableIn } from "./visibility";
import { endGrantTokens, revokeGrantsOfInstallations } from "@/lib/oidc/grants";
import { emitGroupEvent, type EventActor } from "@/lib/webhooks/emit";

const liveKey = (appId: string, groupId: string) => `${appId}:${groupId}`;

// setupUrl: where the admin continues ("Install App" with a Setup URL);
// callbackUrl: otherwise, the app's redirect URI told the new
// app_installation_id (Plane's installation callback).
export type ConsentResult = { installationId: string; created: boolean; setupUrl: string | null; callbackUrl: string | null };

function installationCallback(redirectUris: unknown, installationId: string): string | null {
  const first = stringList(redirectUris)[0];
  if (!first) return null;
  const url = new URL(first);
  url.searchParams.set("app_installation_id", installationId);
  return url.toString();
}

// Add Consent: enables an app for a group with a ceiling of permissions, and
// gives the app its bot identity there. Idempotent: a second Add Consent
// returns the live installation unchanged.
export async function addConsent(actor: Actor, groupSlug: string, input: unknown): Promise<ConsentResult> {
  const group = await requireAppAdminGroup(actor, groupSlug);
  const { clientId, scopes: requested } = parseInput(addConsentSchema, input);
  const app = await getDb().app.findUnique({ where: { clientId } });
  if (!app || !isInstallableIn(app, group)) throw notFound("App not found");
  if (app.status !== "ACTIVE") throw new AppError("CONFLICT", "This app is suspended and can't be enabled");

  const allowed = stringList(app.scopes);
  const excess = (requested ?? []).filter((scope) => !allowed.includes(scope));
  if (excess.length > 0) {
    const message = `Permissions can't exceed what the app may request (${excess.join(", ")} is not one of them)`;
    throw new AppError("VALIDATION", message, { scopes: message });
  }
  const scopes = sortScopes([REQUIRED_SCOPE, ...(requested ?? allowed)]);
  const result = (installationId: string, created: boolean) => ({
    installationId,
    created,
    setupUrl: app.setupUrl,
    callbackUrl: app.setupUrl ? null : installationCallback(app.redirectUris, installationId),
  });

  const existing = await getDb().installation.findUnique({ where: { liveKey: liveKey(app.id, group.id) } });
  if (existing) return result(existing.id, false);
  try {
    const installation = await getDb().$transaction(async (tx) => {
      const displayName = `${app.name} (bot)`;
      const bot = await tx.botUser.upsert({
        where: { appId_groupId: { appId: app.id, groupId: group.id } },
        create: { appId: app.id, groupId: group.id, displayName },
        update: { displayName },
      });
      const ids = auditActor(actor);
      const created = await tx.installation.create({
        data: { appId: app.id, groupId: group.id, scopes, liveKey: liveKey(app.id, group.id), botUserId: bot.id, installedById: ids.actorUserId },
      });
      await recordAuditEvent(
        { ...ids, action: "app.installed", groupId: group.id, targetType: "installation", targetId: created.id, details: { app: app.name, clientId, scopes } },
        tx,
      );
      await emitGroupEvent(tx, {
        groupId: group.id,
        event: "app",
        action: "installed",
        only: { installationId: created.id },
        data: { installation_id: created.id, client_id: clientId, scopes, app_bot: bot.id },
        actor: eventActor(actor),
      });
      return created;
    });
    return result(installation.id, true);
  } catch (error) {
    // Two admins confirmed at once: the other one's installation stands.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const winner = await getDb().installation.findUniqueOrThrow({ where: { liveKey: liveKey(app.id, group.id) } });
    return result(winner.id, false);
  }
}

// Remove consent: the installation is revoked at once, and with it every
// grant and token of the app in this group.
export async function removeConsent(actor: Actor, groupSlug: string, installationId: string): Promise<void> {
  const group = await requireAppAdminGroup(actor, groupSlug);
  const installation = await getDb().installation.findFirst({
    where: { id: installationId, groupId: group.id, status: "INSTALLED" },
    include: { app: { select: { name: true, clientId: true } } },
  });
  if (!installation) throw notFound("Installation not found");
  const grantIds = await getDb().$transaction(async (tx) => {
    const ended = await revokeInstallation(tx, installation.id, actor);
    await recordAuditEvent(
      { ...auditActor(actor), action: "app.uninstalled", groupId: group.id, targetType: "installation", targetId: installation.id, details: { app: installation.app.name, clientId: installation.app.clientId } },
      tx,
    );
    await emitUninstalled(tx, group.id, installation.id, installation.app.clientId, actor);
    return ended;
  });
  await endGrantTokens(grantIds);
}

type Tx = Pick<ReturnType<typeof getDb>, "installation" | "appGrant">;

// Revokes an installation and marks its grants revoked; returns the grant ids
// whose tokens the caller ends (endGrantTokens) once its transaction commits.
export async function revokeInstallation(tx: Tx, installationId: string, actor: Actor): Promise<string[]> {
  await tx.installation.update({
    where: { id: installationId },
    data: { status: "REVOKED", liveKey: null, revokedAt: new Date(), revokedById: auditActor(actor).actorUserId },
  });
  return revokeGrantsOfInstallations(tx, [installationId]);
}

export function eventActor(actor: Actor): EventActor {
  return actor.kind === "user" ? { type: "user", id: actor.userId } : { type: "system", id: null, name: actor.label };
}

// The app hears that it was removed from the group (its last event there).
export async function emitUninstalled(tx: Parameters<typeof emitGroupEvent>[0], groupId: string, installationId: string, clientId: string, actor: Actor) {
  await emitGroupEvent(tx, {
    groupId,
    event: "app",
    action: "uninstalled",
    only: { installationId },
    data: { installation_id: installationId, client_id: clientId },
    actor: eventActor(actor),
  });
}
