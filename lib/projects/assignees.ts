import { getDb, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AssigneeRef } from "./schemas";
import type { PersonRef } from "./view";

// Who can be assigned work in a group: its members, and the bots of apps
// installed there that registered as mentionable ("Is Mentionable": the app
// acts as an agent that can be assigned work items and @mentioned).
export function assignableBotsWhere(groupId: string): Prisma.BotUserWhereInput {
  return { groupId, installations: { some: { status: "INSTALLED" } }, app: { status: "ACTIVE", isMentionable: true } };
}

export type Assignable = PersonRef & { detail: string };

export async function findAssignables(groupId: string): Promise<Assignable[]> {
  const [members, bots] = await Promise.all([
    getDb().membership.findMany({ where: { groupId }, select: { role: true, user: { select: { id: true, name: true, email: true } } } }),
    getDb().botUser.findMany({ where: assignableBotsWhere(groupId), select: { id: true, displayName: true } }),
  ]);
  const people = members
    .map(({ user }): Assignable => ({ type: "user", id: user.id, name: user.name, detail: user.email }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const agents = bots
    .map((bot): Assignable => ({ type: "bot", id: bot.id, name: bot.displayName, detail: "App" }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [...people, ...agents];
}

export type AssigneeColumns = { assigneeUserId: string | null; assigneeBotId: string | null };

const invalid = (message: string) => new AppError("VALIDATION", message, { assignee: message });

// The assignee columns for a reference, after checking it may be assigned in
// this group (exactly one column set, or none).
export async function resolveAssignee(groupId: string, ref: AssigneeRef | null): Promise<AssigneeColumns> {
  if (!ref) return { assigneeUserId: null, assigneeBotId: null };
  if (ref.type === "user") {
    const membership = await getDb().membership.findFirst({ where: { groupId, userId: ref.id }, select: { userId: true } });
    if (!membership) throw invalid("The assignee must be a member of this group");
    return { assigneeUserId: membership.userId, assigneeBotId: null };
  }
  const bot = await getDb().botUser.findFirst({ where: { id: ref.id, ...assignableBotsWhere(groupId) }, select: { id: true } });
  if (!bot) throw invalid("The assignee must be the bot of a mentionable app installed in this group");
  return { assigneeUserId: null, assigneeBotId: bot.id };
}

export function sameAssignee(ref: AssigneeRef | null, current: AssigneeColumns): boolean {
  if (!ref) return !current.assigneeUserId && !current.assigneeBotId;
  return ref.type === "user" ? current.assigneeUserId === ref.id : current.assigneeBotId === ref.id;
}
