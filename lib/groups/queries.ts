import { getDb, type Role } from "@/lib/db";
import { notFound } from "@/lib/errors";

export type GroupMembership = {
  id: string;
  slug: string;
  name: string;
  description: string;
  role: Role;
  organization: { id: string; slug: string; name: string; isPlatform: boolean };
};

const groupSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  organization: { select: { id: true, slug: true, name: true, isPlatform: true } },
} as const;

// The groups a user belongs to, by organization then group name.
export async function listGroupsForUser(userId: string): Promise<GroupMembership[]> {
  const rows = await getDb().membership.findMany({
    where: { userId },
    select: { role: true, group: { select: groupSelect } },
  });
  return rows
    .map((row) => ({ ...row.group, role: row.role }))
    .sort(
      (a, b) =>
        a.organization.name.localeCompare(b.organization.name) || a.name.localeCompare(b.name),
    );
}

// The group with this slug as seen by one of its members. A group the user is
// not a member of is reported exactly like one that does not exist.
export async function getGroupForMember(userId: string, slug: string): Promise<GroupMembership> {
  const row = await getDb().membership.findFirst({
    where: { userId, group: { slug } },
    select: { role: true, group: { select: groupSelect } },
  });
  if (!row) throw notFound("Group not found");
  return { ...row.group, role: row.role };
}

export type GroupMember = { userId: string; name: string; email: string; role: Role; since: Date };

export async function listGroupMembers(userId: string, slug: string): Promise<GroupMember[]> {
  const group = await getGroupForMember(userId, slug);
  const rows = await getDb().membership.findMany({
    where: { groupId: group.id },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  const rank: Record<Role, number> = { ADMIN: 0, MEMBER: 1, VIEWER: 2 };
  return rows
    .map((row) => ({ userId: row.user.id, name: row.user.name, email: row.user.email, role: row.role, since: row.createdAt }))
    .sort((a, b) => rank[a.role] - rank[b.role] || a.name.localeCompare(b.name));
}
