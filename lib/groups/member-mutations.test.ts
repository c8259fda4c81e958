import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { systemActor, userActor } from "@/lib/auth/actor";
import { addConsent, removeConsent } from "@/lib/consent/mutations";
import { resolvePrincipal } from "@/lib/api/principal";
import { createTestApp } from "@/lib/testing/app-factories";
import { createGroupWithMembers, createUser, uniqueSuffix } from "@/lib/testing/factories";
import { eventNames, giveAppWebhook, outboxOf, refusal, userTokenFacts, createProjectWorld } from "@/lib/projects/test-world";
import { addMember, changeMemberRole, removeMember } from "./member-mutations";
import { listGroupMembers } from "./queries";

// Member management: admins (and the operator's CLI) add, re-role and remove
// members, the group always keeps an admin, and every change is an audit
// event and a webhook event for the group's installed apps, committed with it.

async function groupWithApp() {
  const seeded = await createGroupWithMembers();
  const admin = userActor(seeded.admin);
  const { app } = await createTestApp(admin, seeded.group.slug);
  const { installationId } = await addConsent(admin, seeded.group.slug, { clientId: app.clientId });
  const webhookId = await giveAppWebhook(app.id);
  return { ...seeded, adminActor: admin, app, installationId, webhookId };
}

const memberAudit = (groupId: string) =>
  getDb().auditEvent.findMany({ where: { groupId, action: { startsWith: "member." } }, orderBy: [{ at: "asc" }, { id: "asc" }] });

const triggers: string[] = [];
afterEach(async () => {
  for (const name of triggers.splice(0)) await getDb().$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name}`);
});

describe("adding a member", () => {
  it("adds an existing account with a role, records it and tells the installed apps", async () => {
    const world = await groupWithApp();
    const person = await createUser();
    const added = await addMember(world.adminActor, world.group.slug, { email: `  ${person.email.toUpperCase()} `, role: "VIEWER" });
    expect(added).toMatchObject({ userId: person.id, name: person.name, email: person.email, role: "VIEWER" });
    expect((await listGroupMembers(world.admin.id, world.group.slug)).map((m) => m.userId)).toContain(person.id);

    const [event] = await outboxOf(world.webhookId);
    expect(event.payload).toEqual({
      id: event.id,
      event: "member",
      action: "added",
      webhook_id: world.webhookId,
      workspace_id: world.group.id,
      installation_id: world.installationId,
      data: { user_id: person.id, name: person.name, role: "viewer" },
      activity: { actor: { type: "user", id: world.admin.id }, at: expect.any(String) },
    });
    expect(await memberAudit(world.group.id)).toEqual([
      expect.objectContaining({ action: "member.added", actorUserId: world.admin.id, targetType: "user", targetId: person.id, details: expect.objectContaining({ role: "viewer", email: person.email }) }),
    ]);
  });

  it("refuses an email with no account, a member already there, and invalid input", async () => {
    const world = await groupWithApp();
    await expect(addMember(world.adminActor, world.group.slug, { email: "nobody-here@example.test", role: "MEMBER" })).rejects.toEqual(
      refusal("VALIDATION", { email: "No Tessera account uses this email" }),
    );
    await expect(addMember(world.adminActor, world.group.slug, { email: world.viewer.email, role: "ADMIN" })).rejects.toEqual(refusal("CONFLICT", { email: expect.any(String) }));
    await expect(addMember(world.adminActor, world.group.slug, { email: "not an email", role: "MEMBER" })).rejects.toEqual(refusal("VALIDATION", { email: "Enter a valid email address" }));
    await expect(addMember(world.adminActor, world.group.slug, { email: world.outsider.email, role: "OWNER" })).rejects.toEqual(refusal("VALIDATION", { role: expect.any(String) }));
    expect(await getDb().membership.findFirst({ where: { userId: world.outsider.id, groupId: world.group.id } })).toBeNull();
    expect(await eventNames(world.webhookId)).toEqual([]);
    expect(await memberAudit(world.group.id)).toEqual([]);
  });
});

describe("who may manage members", () => {
  it("admins and the system actor only: members and viewers are forbidden, outsiders see no group", async () => {
    const world = await groupWithApp();
    const person = await createUser();
    const input = { email: person.email, role: "MEMBER" };
    await expect(addMember(userActor(world.member), world.group.slug, input)).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(addMember(userActor(world.viewer), world.group.slug, input)).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(addMember(userActor(world.outsider), world.group.slug, input)).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(changeMemberRole(userActor(world.member), world.group.slug, world.viewer.id, { role: "MEMBER" })).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(removeMember(userActor(world.viewer), world.group.slug, world.member.id)).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(removeMember(userActor(world.outsider), world.group.slug, world.member.id)).rejects.toEqual(refusal("NOT_FOUND"));
    // A platform admin who is not in the group manages nothing here either.
    const platform = await createUser([], { isPlatformAdmin: true });
    await expect(removeMember(userActor(platform), world.group.slug, world.member.id)).rejects.toEqual(refusal("NOT_FOUND"));
    expect(await eventNames(world.webhookId)).toEqual([]);

    const cli = systemActor("cli");
    await addMember(cli, world.group.slug, input);
    await changeMemberRole(cli, world.group.slug, person.id, { role: "ADMIN" });
    await removeMember(cli, world.group.slug, person.id);
    const rows = await outboxOf(world.webhookId);
    expect(rows.map((row) => row.action).sort()).toEqual(["added", "removed", "role_changed"]);
    expect(rows.every((row) => JSON.stringify(row.payload.activity.actor) === JSON.stringify({ type: "system", id: null, name: "cli" }))).toBe(true);
    expect((await memberAudit(world.group.id)).map((e) => [e.action, e.actorLabel])).toEqual([["member.added", "cli"], ["member.role_changed", "cli"], ["member.removed", "cli"]]);
    await expect(addMember(cli, "no-such-group", input)).rejects.toEqual(refusal("NOT_FOUND"));
  });
});

describe("changing roles", () => {
  it("changes a role with previous_role, and reports nothing when the role is the same", async () => {
    const world = await groupWithApp();
    const changed = await changeMemberRole(world.adminActor, world.group.slug, world.viewer.id, { role: "MEMBER" });
    expect(changed).toMatchObject({ userId: world.viewer.id, role: "MEMBER" });
    await changeMemberRole(world.adminActor, world.group.slug, world.viewer.id, { role: "MEMBER" });
    const rows = await outboxOf(world.webhookId);
    expect(rows).toHaveLength(1);
    expect(rows[0].payload).toMatchObject({
      event: "member",
      action: "role_changed",
      data: { user_id: world.viewer.id, name: world.viewer.name, role: "member", previous_role: "viewer" },
    });
    expect((await memberAudit(world.group.id)).map((e) => e.details)).toEqual([expect.objectContaining({ role: "member", previous_role: "viewer" })]);
    await expect(changeMemberRole(world.adminActor, world.group.slug, world.outsider.id, { role: "ADMIN" })).rejects.toEqual(refusal("NOT_FOUND"));
  });

  it("never demotes the last admin, but an admin may step down while another stays", async () => {
    const world = await groupWithApp();
    const lastAdmin = refusal("CONFLICT");
    await expect(changeMemberRole(world.adminActor, world.group.slug, world.admin.id, { role: "MEMBER" })).rejects.toEqual(lastAdmin);
    await expect(changeMemberRole(systemActor(), world.group.slug, world.admin.id, { role: "VIEWER" })).rejects.toEqual(lastAdmin);
    expect(await eventNames(world.webhookId)).toEqual([]);

    await changeMemberRole(world.adminActor, world.group.slug, world.member.id, { role: "ADMIN" });
    await changeMemberRole(world.adminActor, world.group.slug, world.admin.id, { role: "MEMBER" });
    // No longer an admin: can't manage members any more.
    await expect(changeMemberRole(world.adminActor, world.group.slug, world.admin.id, { role: "ADMIN" })).rejects.toEqual(refusal("FORBIDDEN"));
    expect(await eventNames(world.webhookId)).toEqual(["member.role_changed", "member.role_changed"]);
  });

  it("two admins demoting each other at once leave one admin", async () => {
    const world = await groupWithApp();
    await changeMemberRole(world.adminActor, world.group.slug, world.member.id, { role: "ADMIN" });
    const results = await Promise.allSettled([
      changeMemberRole(world.adminActor, world.group.slug, world.member.id, { role: "MEMBER" }),
      changeMemberRole(userActor(world.member), world.group.slug, world.admin.id, { role: "MEMBER" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().membership.count({ where: { groupId: world.group.id, role: "ADMIN" } })).toBe(1);
  });
});

describe("removing a member", () => {
  it("removes a member, tells the apps, and the member's app tokens stop working", async () => {
    const world = await createProjectWorld();
    const webhookId = await giveAppWebhook(world.app.id);
    const facts = await userTokenFacts(world, world.member);
    await expect(resolvePrincipal(facts)).resolves.toMatchObject({ groupId: world.group.id });

    await removeMember(userActor(world.admin), world.group.slug, world.member.id);
    await expect(resolvePrincipal(facts)).rejects.toEqual(refusal("UNAUTHENTICATED"));
    const [event] = await outboxOf(webhookId);
    expect(event.payload).toMatchObject({
      event: "member",
      action: "removed",
      workspace_id: world.group.id,
      installation_id: world.installationId,
      data: { user_id: world.member.id, name: world.member.name, role: "member" },
    });
    await expect(removeMember(userActor(world.admin), world.group.slug, world.member.id)).rejects.toEqual(refusal("NOT_FOUND"));
  });

  it("never removes the last admin; an admin may leave while another stays", async () => {
    const world = await groupWithApp();
    await expect(removeMember(world.adminActor, world.group.slug, world.admin.id)).rejects.toEqual(refusal("CONFLICT"));
    await expect(removeMember(systemActor(), world.group.slug, world.admin.id)).rejects.toEqual(refusal("CONFLICT"));
    expect(await getDb().membership.count({ where: { groupId: world.group.id, userId: world.admin.id } })).toBe(1);
    expect(await eventNames(world.webhookId)).toEqual([]);

    await changeMemberRole(world.adminActor, world.group.slug, world.viewer.id, { role: "ADMIN" });
    await removeMember(world.adminActor, world.group.slug, world.admin.id);
    expect((await listGroupMembers(world.viewer.id, world.group.slug)).map((m) => [m.userId, m.role])).toEqual(
      expect.arrayContaining([[world.viewer.id, "ADMIN"], [world.member.id, "MEMBER"]]),
    );
    expect(await eventNames(world.webhookId)).toEqual(["member.removed", "member.role_changed"]);
  });
});

describe("events reach installed apps only, and only with the change", () => {
  it("sends nothing to an app installed elsewhere or whose consent was removed", async () => {
    const world = await groupWithApp();
    const { app: removedApp } = await createTestApp(world.adminActor, world.group.slug);
    const { installationId } = await addConsent(world.adminActor, world.group.slug, { clientId: removedApp.clientId });
    const removedWebhook = await giveAppWebhook(removedApp.id);
    await removeConsent(world.adminActor, world.group.slug, installationId);
    const { app: notInstalled } = await createTestApp(world.adminActor, world.group.slug);
    const notInstalledWebhook = await giveAppWebhook(notInstalled.id);

    await addMember(world.adminActor, world.group.slug, { email: world.outsider.email, role: "MEMBER" });
    expect(await eventNames(world.webhookId)).toEqual(["member.added"]);
    expect(await eventNames(removedWebhook)).toEqual(["app.uninstalled"]);
    expect(await eventNames(notInstalledWebhook)).toEqual([]);
  });

  it("a failure inside the transaction rolls back the membership and its event", async () => {
    const world = await groupWithApp();
    const name = `fail_${uniqueSuffix()}`;
    // The audit record is written after the outbox row: failing it must undo both.
    await getDb().$executeRawUnsafe(
      `CREATE TRIGGER ${name} BEFORE INSERT ON "AuditEvent" WHEN NEW."groupId" = '${world.group.id}' AND NEW."action" LIKE 'member.%' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
    );
    triggers.push(name);
    await expect(addMember(world.adminActor, world.group.slug, { email: world.outsider.email, role: "MEMBER" })).rejects.toThrow();
    await expect(changeMemberRole(world.adminActor, world.group.slug, world.viewer.id, { role: "MEMBER" })).rejects.toThrow();
    await expect(removeMember(world.adminActor, world.group.slug, world.member.id)).rejects.toThrow();
    expect((await listGroupMembers(world.admin.id, world.group.slug)).map((m) => [m.userId, m.role])).toEqual([
      [world.admin.id, "ADMIN"],
      [world.member.id, "MEMBER"],
      [world.viewer.id, "VIEWER"],
    ]);
    expect(await eventNames(world.webhookId)).toEqual([]);
  });
});

describe("removing a member ends their apps' access in the group", () => {
  it("revokes the grants they gave apps for this group", async () => {
    const { group, member } = await createGroupWithMembers();
    const { app } = await createTestApp(systemActor(), group.slug);
    const { installationId } = await addConsent(systemActor(), group.slug, { clientId: app.clientId });
    const grantId = `grant-${installationId}`;
    await getDb().appGrant.create({ data: { grantId, userId: member.id, appId: app.id, groupId: group.id, installationId, scopes: ["openid"] } });
    await removeMember(systemActor(), group.slug, member.id);
    const grant = await getDb().appGrant.findUniqueOrThrow({ where: { grantId } });
    expect(grant.revokedAt).toBeInstanceOf(Date);
  });
});
