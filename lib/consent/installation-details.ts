import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { sortScopes, type ScopeId } from "@/lib/apps/scopes";
import { stringList, publisherOf } from "@/lib/apps/view";
import { notFound } from "@/lib/errors";

export type SetupStatus = "waiting" | "complete";

export type InstallationDetails = {
  id: string;
  status: "INSTALLED" | "REVOKED";
  app: {
    id: string;
    clientId: string;
    name: string;
    logoUrl: string | null;
    publisher: string;
    setupUrl: string | null;
    webhookUrl: string | null;
    webhookId: string | null;
    isMentionable: boolean;
    status: "ACTIVE" | "SUSPENDED";
  };
  group: { id: string; slug: string; name: string };
  // The group's ceiling of permissions for this app.
  scopes: ScopeId[];
  bot: { id: string; subject: string; displayName: string };
  installedBy: { id: string; name: string } | null;
  installedAt: Date;
  updatedAt: Date;
  revokedAt: Date | null;
  revokedBy: { id: string; name: string } | null;
  lastUsedAt: Date | null;
  lastBotTokenAt: Date | null;
  // "waiting" until the app first completes an OAuth flow after Add Consent.
  setupStatus: SetupStatus;
  setupCompletedAt: Date | null;
  // How many people authorized the app in this group (live grants).
  people: number;
};

const NOT_FOUND = "Installation not found";

// One installation (live or revoked), as its group sees it: every member may
// look; anyone else, and a lookup under another group's slug, gets "not
// found" as if it did not exist. The system actor (the CLI) sees any.
export async function getInstallationDetails(actor: Actor, groupSlug: string | undefined, installationId: string): Promise<InstallationDetails> {
  const db = getDb();
  const row = await db.installation.findUnique({
    where: { id: installationId },
    include: {
      app: { include: { ownerGroup: { select: { organization: { select: { name: true } } } }, webhook: { select: { id: true } } } },
      group: { select: { id: true, slug: true, name: true } },
      bot: { select: { id: true, displayName: true } },
      installedBy: { select: { id: true, name: true } },
      revokedBy: { select: { id: true, name: true } },
    },
  });
  if (!row || (groupSlug !== undefined && row.group.slug !== groupSlug)) throw notFound(NOT_FOUND);
  if (actor.kind === "user") {
    const membership = await db.membership.findUnique({ where: { userId_groupId: { userId: actor.userId, groupId: row.groupId } } });
    if (!membership) throw notFound(NOT_FOUND);
  }
  const grants = await db.appGrant.findMany({
    where: { installationId: row.id, revokedAt: null },
    distinct: ["userId"],
    select: { userId: true },
  });
  return {
    id: row.id,
    status: row.status,
    app: {
      id: row.app.id,
      clientId: row.app.clientId,
      name: row.app.name,
      logoUrl: row.app.logoUrl,
      publisher: publisherOf(row.app),
      setupUrl: row.app.setupUrl,
      webhookUrl: row.app.webhookUrl,
      webhookId: row.app.webhookUrl ? (row.app.webhook?.id ?? null) : null,
      isMentionable: row.app.isMentionable,
      status: row.app.status,
    },
    group: row.group,
    scopes: sortScopes(stringList(row.scopes)),
    bot: { id: row.bot.id, subject: `bot:${row.bot.id}`, displayName: row.bot.displayName },
    installedBy: row.installedBy,
    installedAt: row.createdAt,
    updatedAt: row.updatedAt,
    revokedAt: row.revokedAt,
    revokedBy: row.revokedBy,
    lastUsedAt: row.lastUsedAt,
    lastBotTokenAt: row.lastBotTokenAt,
    setupStatus: row.setupCompletedAt ? "complete" : "waiting",
    setupCompletedAt: row.setupCompletedAt,
    people: grants.length,
  };
}

export type PlaneInstallation = {
  id: string;
  workspace_detail: { name: string; slug: string; id: string; logo_url: string | null };
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  status: "installed" | "revoked";
  workspace: string;
  application: string;
  installed_by: string | null;
  app_bot: string;
  webhook: string | null;
};

// The installation as Plane's GET /auth/o/app-installation/?id=<id> returns
// it (one element of its array). Groups have no logo; `webhook` is the id of
// the app's webhook (the webhook_id of its deliveries), when it has one.
export function toPlaneInstallation(details: InstallationDetails): PlaneInstallation {
  return {
    id: details.id,
    workspace_detail: { name: details.group.name, slug: details.group.slug, id: details.group.id, logo_url: null },
    created_at: details.installedAt.toISOString(),
    updated_at: details.updatedAt.toISOString(),
    deleted_at: details.revokedAt?.toISOString() ?? null,
    status: details.status === "INSTALLED" ? "installed" : "revoked",
    workspace: details.group.id,
    application: details.app.id,
    installed_by: details.installedBy?.id ?? null,
    app_bot: details.bot.id,
    webhook: details.app.webhookId,
  };
}
