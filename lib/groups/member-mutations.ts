import { getDb, Prisma, type Role } from "@/lib/db";
import { auditActor, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { emitGroupEvent, type EventActor } from "@/lib/webhooks/emit";
import type { GroupMember } from "./queries";
import { requireGroupAdmin } from "./roles";
import { addMemberSchema, changeMemberRoleSchema } from "./schemas";
import { endGrantTokens } from "@/lib/oidc/grants";

// Member management, by the group's admins (and the operator's CLI): add an
// existing Tessera account, change a member's role, remove a member. A group
// always keeps at least one admin. Each change, its audit event and its
// webhook event (member added / role_changed / removed, for every app
// installed in the group) commit together. A removed member's tokens stop
// working at their next API call (lib/api/principal.ts re-reads membership).

type Tx = Prisma.TransactionClient;

const LAST_ADMIN = "A group needs at least one admin. Make someone else an admin first.";

async function requireMemberAdmin(actor: Actor, groupSlug: string): Promise<{ id: string }> {
  if (actor.kind === "user") return requireGroupAdmin(actor.userId, groupSlug);
  const group = await getDb().group.findUnique({ where: { slug: groupSlug }, select: { id: true } });
  if (!group) throw notFound("Group not found");
  return group;
}

function eventActor(actor: Actor): EventActor {
  return actor.kind === "user" ? { type: "user", id: actor.userId } : { type: "system", id: null, name: actor.label };
}

// Writes to every admin row of the group before a demotion or removal is
// checked: concurrent changes to the group's admins then run one after the
// other, so two admins demoting each other can't leave the group with none.
async function lockAdmins(tx: Tx, groupId: string): Promise<void> {
  await tx.membership.updateMany({ where: { groupId, role: "ADMIN" }, data: { role: "ADMIN" } });
}

async function assertAdminLeft(tx: Tx, groupId: string): Promise<void> {
  const admins = await tx.membership.count({ where: { groupId, role: "ADMIN" } });
  if (admins === 0) throw new AppError("CONFLICT", LAST_ADMIN);
}

const memberSelect = { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } } as const;
type MemberRow = { role: Role; createdAt: Date; user: { id: string; name: string; email: string } };

const toMember = (row: MemberRow): GroupMember => ({ userId: row.user.id, name: row.user.name, email: row.user.email, role: row.role, since: row.createdAt });

async function findMember(tx: Tx, groupId: string, userId: string): Promise<MemberRow> {
  const row = await tx.membership.findUnique({ where: { userId_groupId: { userId, groupId } }, select: memberSelect });
  if (!row) throw notFound("Member not found");
  return row;
}

async function recordMemberChange(
  tx: Tx,
  actor: Actor,
  groupId: string,
  change: { action: "added" | "role_changed" | "removed"; member: MemberRow; role: Role; previousRole?: Role },
): Promise<void> {
  const { user } = change.member;
  const role = change.role.toLowerCase();
  const previous = change.previousRole?.toLowerCase();
  await recordAuditEvent(
    {
      ...auditActor(actor),
      action: `member.${change.action}`,
      groupId,
      targetType: "user",
      targetId: user.id,
      details: { user_id: user.id, email: user.email, name: user.name, role, ...(previous ? { previous_role: previous } : {}) },
    },
    tx,
  );
  await emitGroupEvent(tx, {
    groupId,
    event: "member",
    action: change.action,
    data: { user_id: user.id, name: user.name, role, ...(previous ? { previous_role: previous } : {}) },
    actor: eventActor(actor),
  });
}

// Adds the person with this email (they must already have a Tessera account:
// there is no sign-up) with a role.
export async function addMember(actor: Actor, groupSlug: string, input: unknown): Promise<GroupMember> {
  const group = await requireMemberAdmin(actor, groupSlug);
  const { email, role } = parseInput(addMemberSchema, input);
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new AppError("VALIDATION", "No Tessera account uses this email", { email: "No Tessera account uses this email" });
  const already = () => new AppError("CONFLICT", "This person is already a member of the group", { email: "Already a member of this group" });
  try {
    return await getDb().$transaction(async (tx) => {
      if (await tx.membership.findUnique({ where: { userId_groupId: { userId: user.id, groupId: group.id } }, select: { id: true } })) throw already();
      const row = await tx.membership.create({ data: { userId: user.id, groupId: group.id, role }, select: memberSelect });
      await recordMemberChange(tx, actor, group.id, { action: "added", member: row, role });
      return toMember(row);
    });
  } catch (error) {
    // Added by someone else at the same moment.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw already();
    throw error;
  }
}

// Changes a member's role; the last admin can't be demoted. Setting the role
// a member already has changes nothing (and reports nothing).
export async function changeMemberRole(actor: Actor, groupSlug: string, userId: string, input: unknown): Promise<GroupMember> {
  const group = await requireMemberAdmin(actor, groupSlug);
  const { role } = parseInput(changeMemberRoleSchema, input);
  return getDb().$transaction(async (tx) => {
    const current = await findMember(tx, group.id, userId);
    if (current.role === role) return toMember(current);
    if (current.role === "ADMIN") await lockAdmins(tx, group.id);
    const row = await tx.membership.update({ where: { userId_groupId: { userId, groupId: group.id } }, data: { role }, select: memberSelect });
    if (current.role === "ADMIN") await assertAdminLeft(tx, group.id);
    await recordMemberChange(tx, actor, group.id, { action: "role_changed", member: row, role, previousRole: current.role });
    return toMember(row);
  });
}

// Removes a member (admins may remove themselves while another admin stays).
export async function removeMember(actor: Actor, groupSlug: string, userId: string): Promise<void> {
  const group = await requireMemberAdmin(actor, groupSlug);
  const endedGrants = await getDb().$transaction(async (tx) => {
    const current = await findMember(tx, group.id, userId);
    if (current.role === "ADMIN") await lockAdmins(tx, group.id);
    const { count } = await tx.membership.deleteMany({ where: { userId, groupId: group.id } });
    if (count === 0) throw notFound("Member not found");
    if (current.role === "ADMIN") await assertAdminLeft(tx, group.id);
    await recordMemberChange(tx, actor, group.id, { action: "removed", member: current, role: current.role });
    // The apps they authorized for this group lose that access with them.
    const grants = await tx.appGrant.findMany({ where: { userId, groupId: group.id, revokedAt: null }, select: { grantId: true } });
    await tx.appGrant.updateMany({ where: { userId, groupId: group.id, revokedAt: null }, data: { revokedAt: new Date() } });
    return grants.map((grant) => grant.grantId);
  });
  await endGrantTokens(endedGrants);
}
