import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { forbidden, notFound } from "@/lib/errors";
import { requireGroupAdmin } from "@/lib/groups/roles";

const appInclude = { ownerGroup: { include: { organization: true } } } as const;

export async function loadGroupBySlug(slug: string) {
  const group = await getDb().group.findUnique({ where: { slug }, include: { organization: true } });
  if (!group) throw notFound("Group not found");
  return group;
}

// The group an actor registers apps in: they must administer it.
export async function requireAppAdminGroup(actor: Actor, slug: string) {
  if (actor.kind === "user") await requireGroupAdmin(actor.userId, slug);
  return loadGroupBySlug(slug);
}

// An app its actor may manage: admins of the owning group, and platform admins
// for Global apps. The owning group's other members get "forbidden"; everyone
// else "not found", as if the app did not exist.
export async function requireManageableApp(actor: Actor, clientId: string, groupSlug?: string) {
  const app = await getDb().app.findUnique({ where: { clientId }, include: appInclude });
  if (!app || (groupSlug && app.ownerGroup.slug !== groupSlug)) throw notFound("App not found");
  if (actor.kind === "system") return app;
  if (app.availability === "GLOBAL" && actor.isPlatformAdmin) return app;
  const membership = await getDb().membership.findUnique({
    where: { userId_groupId: { userId: actor.userId, groupId: app.ownerGroupId } },
  });
  if (!membership) throw notFound("App not found");
  if (membership.role !== "ADMIN") throw forbidden("Only admins of the group that registered this app can manage it");
  return app;
}

export type ManageableApp = Awaited<ReturnType<typeof requireManageableApp>>;
