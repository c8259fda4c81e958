import type { Prisma } from "@/lib/db/generated/client";

export const BROWSE_TABS = ["group", "organization", "global"] as const;
export type BrowseTab = (typeof BROWSE_TABS)[number];

type GroupRef = { id: string; organizationId: string };

// Which registrations a group sees on each tab of Browse App Registrations:
// its own apps, its organization's shared apps, the platform's global apps.
// Never another organization's apps, never another group's Group apps.
export function tabWhere(tab: BrowseTab, group: GroupRef): Prisma.AppWhereInput {
  if (tab === "group") return { ownerGroupId: group.id };
  if (tab === "organization") return { availability: "ORGANIZATION", organizationId: group.organizationId, status: "ACTIVE" };
  return { availability: "GLOBAL", status: "ACTIVE" };
}

type AppRef = { availability: "GROUP" | "ORGANIZATION" | "GLOBAL"; ownerGroupId: string; organizationId: string };

// Where an app may be installed: a Group app in its own group, an
// Organization app in its organization's groups, a Global app anywhere.
export function isInstallableIn(app: AppRef, group: GroupRef): boolean {
  if (app.availability === "GLOBAL") return true;
  if (app.availability === "ORGANIZATION") return app.organizationId === group.organizationId;
  return app.ownerGroupId === group.id;
}
