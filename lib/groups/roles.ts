import type { Role } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { getGroupForMember, type GroupMembership } from "./queries";

export const ROLE_LABELS: Record<Role, string> = { ADMIN: "Admin", MEMBER: "Member", VIEWER: "Viewer" };

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: "Manages the group's settings, members and apps",
  MEMBER: "Reads and writes the group's projects and work items",
  VIEWER: "Reads the group's projects and work items",
};

export function isGroupAdmin(role: Role): boolean {
  return role === "ADMIN";
}

// The group, if the user administers it: non-members get "not found", members
// who are not admins get "forbidden".
export async function requireGroupAdmin(userId: string, slug: string): Promise<GroupMembership> {
  const group = await getGroupForMember(userId, slug);
  if (!isGroupAdmin(group.role)) throw forbidden("Only this group's admins can do this");
  return group;
}
