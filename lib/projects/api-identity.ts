import { getDb } from "@/lib/db";
import { requireScope, invalidToken, type ApiPrincipal } from "@/lib/api/principal";
import { notFound } from "@/lib/errors";
import { assignableBotsWhere } from "./assignees";

// GET /api/v1/me: who the token acts as. A user's name and email only with
// the profile and email scopes; a bot is "bot:<id>", never a user id.
export async function describeCaller(principal: ApiPrincipal) {
  const scopes = [...principal.scopes];
  if (principal.actor.kind === "bot") {
    return {
      id: `bot:${principal.actor.botUserId}`,
      type: "bot" as const,
      name: principal.actor.name,
      group_id: principal.groupId,
      installation_id: principal.installationId,
      scopes,
    };
  }
  const user = await getDb().user.findUnique({ where: { id: principal.actor.userId }, select: { id: true, name: true, email: true } });
  if (!user) throw invalidToken("The user no longer exists");
  return {
    id: user.id,
    type: "user" as const,
    ...(principal.scopes.has("profile") ? { name: user.name } : {}),
    ...(principal.scopes.has("email") ? { email: user.email } : {}),
    group_id: principal.groupId,
    scopes,
  };
}

const ROLE_NAMES = { ADMIN: "admin", MEMBER: "member", VIEWER: "viewer" } as const;

// GET /api/v1/group: the group the token is bound to, its members (names and
// roles, never emails) and the bots that can be assigned work there.
export async function describeGroup(principal: ApiPrincipal) {
  requireScope(principal, "group:read");
  const db = getDb();
  const group = await db.group.findUnique({
    where: { id: principal.groupId },
    select: { id: true, slug: true, name: true, description: true, organization: { select: { slug: true, name: true } } },
  });
  if (!group) throw notFound("Group not found");
  const [members, bots] = await Promise.all([
    db.membership.findMany({ where: { groupId: group.id }, select: { role: true, user: { select: { id: true, name: true } } } }),
    db.botUser.findMany({ where: assignableBotsWhere(group.id), select: { id: true, displayName: true } }),
  ]);
  return {
    ...group,
    members: members
      .map((member) => ({ type: "user" as const, id: member.user.id, name: member.user.name, role: ROLE_NAMES[member.role] }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    bots: bots.map((bot) => ({ type: "bot" as const, id: bot.id, name: bot.displayName })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
