import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { loadGroupBySlug } from "@/lib/apps/access";
import { sortScopes, type ScopeId } from "@/lib/apps/scopes";
import { stringList, publisherOf, isVerifiedApp } from "@/lib/apps/view";
import { toSearchKey } from "@/lib/apps/search-key";
import { getGroupForMember } from "@/lib/groups/queries";
import { browseQuerySchema, BROWSE_PAGE_SIZE, type BrowseQuery } from "./schemas";
import { tabWhere, type BrowseTab } from "./visibility";

// The group as seen by the actor: members (any role) may browse and see what
// is installed; only admins change it (checked in the mutations).
export async function loadBrowsingGroup(actor: Actor, groupSlug: string): Promise<{ id: string; organizationId: string }> {
  if (actor.kind !== "user") return loadGroupBySlug(groupSlug);
  const group = await getGroupForMember(actor.userId, groupSlug);
  return { id: group.id, organizationId: group.organization.id };
}

export type BrowseEntry = {
  clientId: string;
  name: string;
  description: string;
  logoUrl: string | null;
  publisher: string;
  verified: boolean;
  availability: "GROUP" | "ORGANIZATION" | "GLOBAL";
  status: "ACTIVE" | "SUSPENDED";
  scopes: ScopeId[];
  setupUrl: string | null;
  installationId: string | null;
};

export type BrowsePage = { query: BrowseQuery; entries: BrowseEntry[]; total: number; pageCount: number };

// One page of the Browse App Registrations panel: the tab's registrations,
// searched by name and paginated in the database.
export async function browseAppRegistrations(actor: Actor, groupSlug: string, rawQuery: unknown): Promise<BrowsePage> {
  const group = await loadBrowsingGroup(actor, groupSlug);
  const query = browseQuerySchema.parse(rawQuery ?? {});
  const where = { ...tabWhere(query.tab, group), ...(query.q ? { searchName: { contains: toSearchKey(query.q) } } : {}) };
  const db = getDb();
  const [total, apps] = await Promise.all([
    db.app.count({ where }),
    db.app.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * BROWSE_PAGE_SIZE,
      take: BROWSE_PAGE_SIZE,
      include: { ownerGroup: { select: { organization: { select: { name: true, isPlatform: true } } } } },
    }),
  ]);
  const installations = await db.installation.findMany({
    where: { groupId: group.id, status: "INSTALLED", appId: { in: apps.map((app) => app.id) } },
    select: { id: true, appId: true },
  });
  const installed = new Map(installations.map((row) => [row.appId, row.id]));
  const entries = apps.map((app) => ({
    clientId: app.clientId,
    name: app.name,
    description: app.description,
    logoUrl: app.logoUrl,
    publisher: publisherOf(app),
    verified: isVerifiedApp(app),
    availability: app.availability,
    status: app.status,
    scopes: sortScopes(stringList(app.scopes)),
    setupUrl: app.setupUrl,
    installationId: installed.get(app.id) ?? null,
  }));
  return { query, entries, total, pageCount: Math.max(1, Math.ceil(total / BROWSE_PAGE_SIZE)) };
}

export type InstalledApp = {
  installationId: string;
  app: { clientId: string; name: string; logoUrl: string | null; publisher: string; setupUrl: string | null; isMentionable: boolean };
  scopes: ScopeId[];
  bot: { id: string; displayName: string };
  installedBy: string;
  installedAt: Date;
  lastUsedAt: Date | null;
};

// The group's live installations, newest first.
export async function listInstalledApps(actor: Actor, groupSlug: string): Promise<InstalledApp[]> {
  const group = await loadBrowsingGroup(actor, groupSlug);
  const rows = await getDb().installation.findMany({
    where: { groupId: group.id, status: "INSTALLED" },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    include: {
      app: { include: { ownerGroup: { select: { organization: { select: { name: true } } } } } },
      bot: true,
      installedBy: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    installationId: row.id,
    app: {
      clientId: row.app.clientId,
      name: row.app.name,
      logoUrl: row.app.logoUrl,
      publisher: publisherOf(row.app),
      setupUrl: row.app.setupUrl,
      isMentionable: row.app.isMentionable,
    },
    scopes: sortScopes(stringList(row.scopes)),
    bot: { id: row.bot.id, displayName: row.bot.displayName },
    installedBy: row.installedBy?.name ?? "An operator",
    installedAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  }));
}

export const TAB_LABELS: Record<BrowseTab, string> = { group: "Group", organization: "Organization", global: "Global" };
