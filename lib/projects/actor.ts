import type { Role } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requireScope, type ApiPrincipal } from "@/lib/api/principal";
import { forbidden } from "@/lib/errors";
import { getGroupForMember } from "@/lib/groups/queries";

// Who reads or writes projects and work items, always inside one group: a
// signed-in member in the web UI, or an app calling the API with a token.
export type ProjectActor =
  | { kind: "member"; userId: string; groupId: string; role: Role }
  | { kind: "token"; groupId: string; principal: ApiPrincipal };

export type ResourceArea = "projects" | "work_items";
export type Access = "read" | "write";

export function actorFromMember(userId: string, group: { id: string; role: Role }): ProjectActor {
  return { kind: "member", userId, groupId: group.id, role: group.role };
}

// The principal's scopes are already the effective ones (token ∩ consent ∩
// the user's role), derived from the database for this very call.
export function actorFromPrincipal(principal: ApiPrincipal): ProjectActor {
  return { kind: "token", groupId: principal.groupId, principal };
}

// A web user acting in the group with this slug (non-members: NOT_FOUND).
export async function resolveMemberActor(actor: Actor, groupSlug: string): Promise<ProjectActor> {
  if (actor.kind !== "user") throw forbidden("Projects are changed by members of the group or by apps");
  const group = await getGroupForMember(actor.userId, groupSlug);
  return actorFromMember(actor.userId, group);
}

// The one permission rule: apps need the scope (projects:read, work_items:write
// …); people need to be members, and to write, not viewers.
export function requireAccess(actor: ProjectActor, area: ResourceArea, access: Access): void {
  if (actor.kind === "token") return requireScope(actor.principal, `${area}:${access}`);
  if (access === "write" && actor.role === "VIEWER") {
    throw forbidden("Viewers can see the group's projects and work items but not change them");
  }
}

export function canWrite(actor: ProjectActor, area: ResourceArea): boolean {
  return actor.kind === "token" ? actor.principal.scopes.has(`${area}:write`) : actor.role !== "VIEWER";
}

// The "user or bot" columns naming whoever acts (a person, or an app's bot).
export function actingIds(actor: ProjectActor): { userId: string | null; botId: string | null } {
  if (actor.kind === "member") return { userId: actor.userId, botId: null };
  const subject = actor.principal.actor;
  return subject.kind === "user" ? { userId: subject.userId, botId: null } : { userId: null, botId: subject.botUserId };
}
