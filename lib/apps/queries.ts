import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { getGroupForMember } from "@/lib/groups/queries";
import { loadGroupBySlug, requireManageableApp } from "./access";
import { toAppView, toSecretView, type AppView, type SecretView } from "./view";

// Apps registered by a group, for its members (the admins manage them).
export async function listGroupApps(actor: Actor, groupSlug: string): Promise<AppView[]> {
  const group = actor.kind === "user" ? await getGroupForMember(actor.userId, groupSlug) : await loadGroupBySlug(groupSlug);
  const apps = await getDb().app.findMany({ where: { ownerGroupId: group.id }, orderBy: { name: "asc" } });
  return apps.map(toAppView);
}

export type AppDetails = {
  app: AppView;
  ownerGroup: { id: string; slug: string; name: string; organization: { slug: string; name: string; isPlatform: boolean } };
  secrets: SecretView[];
};

// Everything the app's settings page shows, for those who may manage it.
export async function getAppDetails(actor: Actor, clientId: string, groupSlug?: string): Promise<AppDetails> {
  const app = await requireManageableApp(actor, clientId, groupSlug);
  const secrets = await getDb().appSecret.findMany({ where: { appId: app.id }, orderBy: { createdAt: "desc" } });
  const { ownerGroup } = app;
  return {
    app: toAppView(app),
    ownerGroup: {
      id: ownerGroup.id,
      slug: ownerGroup.slug,
      name: ownerGroup.name,
      organization: { slug: ownerGroup.organization.slug, name: ownerGroup.organization.name, isPlatform: ownerGroup.organization.isPlatform },
    },
    secrets: secrets.map((secret) => toSecretView(secret)),
  };
}

export type AppAuditEntry = { id: string; at: Date; action: string; actor: string; details: unknown };

export async function listAppAudit(actor: Actor, clientId: string, groupSlug?: string, take = 50): Promise<AppAuditEntry[]> {
  const app = await requireManageableApp(actor, clientId, groupSlug);
  const rows = await getDb().auditEvent.findMany({
    where: { targetType: "app", targetId: app.id },
    orderBy: { at: "desc" },
    take,
    include: { actor: { select: { name: true } } },
  });
  return rows.map((row) => ({ id: row.id, at: row.at, action: row.action, actor: row.actor?.name ?? (row.actorLabel || "System"), details: row.details }));
}
