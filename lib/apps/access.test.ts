import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { systemActor, userActor, type Actor } from "@/lib/auth/actor";
import { createGroup, createGroupWithMembers, createUser } from "@/lib/testing/factories";
import { createPlatformGroupWithAdmin, createTestApp, validRegistration } from "@/lib/testing/app-factories";
import { createApp, deleteApp, updateApp } from "./mutations";
import { getAppDetails } from "./queries";
import { generateAppSecret, revokeAppSecret } from "./secret-mutations";

const refusal = (code: string, fields?: Record<string, string>) =>
  expect.objectContaining({ name: "AppError", code, ...(fields ? { fields: expect.objectContaining(fields) } : {}) });
const asUser = (user: { id: string; isPlatformAdmin: boolean }) => userActor(user);

const NOT_PLATFORM = "Only platform admins can publish Global apps";
const NOT_PLATFORM_ORG = "Global apps are published from a group of the platform organization";

async function groupWithApp() {
  const seeded = await createGroupWithMembers();
  const created = await createTestApp(asUser(seeded.admin), seeded.group.slug, { name: "Guarded" });
  const secret = await getDb().appSecret.findFirstOrThrow({ where: { appId: created.app.id } });
  return { ...seeded, clientId: created.app.clientId, appId: created.app.id, secretId: secret.id };
}

// Every data-layer call that manages the app, as `actor`, addressed under `slug`.
function manageCalls(actor: Actor, slug: string, clientId: string, secretId: string) {
  return {
    create: () => createApp(actor, slug, validRegistration()),
    update: () => updateApp(actor, clientId, validRegistration({ name: "Hijacked" }), slug),
    delete: () => deleteApp(actor, clientId, { confirmName: "Guarded" }, slug),
    generate: () => generateAppSecret(actor, clientId, { expiresIn: "never" }, slug),
    revoke: () => revokeAppSecret(actor, clientId, secretId, slug),
    details: () => getAppDetails(actor, clientId, slug),
  };
}

async function expectAllRefused(calls: Record<string, () => Promise<unknown>>, code: string) {
  for (const [name, call] of Object.entries(calls)) {
    await expect(call(), name).rejects.toEqual(refusal(code));
  }
}

async function expectUntouched(appId: string, groupId: string) {
  expect(await getDb().app.findUniqueOrThrow({ where: { id: appId } })).toMatchObject({ name: "Guarded" });
  expect(await getDb().appSecret.count({ where: { appId, revokedAt: null } })).toBe(1);
  expect(await getDb().app.count({ where: { ownerGroupId: groupId } })).toBe(1);
}

describe("who may manage an app", () => {
  it("refuses the group's members and viewers with FORBIDDEN", async () => {
    const { group, member, viewer, clientId, secretId, appId } = await groupWithApp();
    await expectAllRefused(manageCalls(asUser(member), group.slug, clientId, secretId), "FORBIDDEN");
    await expectAllRefused(manageCalls(asUser(viewer), group.slug, clientId, secretId), "FORBIDDEN");
    await expectUntouched(appId, group.id);
  });

  it("checks the role before the input, so a member learns nothing from validation", async () => {
    const { group, member } = await groupWithApp();
    await expect(createApp(asUser(member), group.slug, { name: "" })).rejects.toEqual(refusal("FORBIDDEN"));
  });

  it("hides the app from non-members as NOT_FOUND", async () => {
    const { group, outsider, clientId, secretId, appId } = await groupWithApp();
    await expectAllRefused(manageCalls(asUser(outsider), group.slug, clientId, secretId), "NOT_FOUND");
    await expectUntouched(appId, group.id);
  });

  it("hides the app from the admin of another group, under either group's slug", async () => {
    const { organization, group, clientId, secretId, appId } = await groupWithApp();
    const otherGroup = await createGroup(organization.id, "Other");
    const otherAdmin = asUser(await createUser([[otherGroup.id, "ADMIN"]]));
    // (They may register apps in their own group, so "create" is left out.)
    const { create: _create, ...underTheirSlug } = manageCalls(otherAdmin, otherGroup.slug, clientId, secretId);
    await expectAllRefused(underTheirSlug, "NOT_FOUND");
    await expectAllRefused(manageCalls(otherAdmin, group.slug, clientId, secretId), "NOT_FOUND");
    await expectUntouched(appId, group.id);
  });

  it("refuses the owning admin who addresses the app under another group's slug", async () => {
    const { organization, group, admin, clientId, secretId, appId } = await groupWithApp();
    const otherGroup = await createGroup(organization.id, "Other");
    await getDb().membership.create({ data: { userId: admin.id, groupId: otherGroup.id, role: "ADMIN" } });
    const { create: _create, ...calls } = manageCalls(asUser(admin), otherGroup.slug, clientId, secretId);
    await expectAllRefused(calls, "NOT_FOUND");
    await expectUntouched(appId, group.id);
  });

  it("answers NOT_FOUND for an unknown app or group", async () => {
    const { group, admin } = await groupWithApp();
    await expect(getAppDetails(asUser(admin), "0".repeat(32), group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(createApp(asUser(admin), "no-such-group", validRegistration())).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(createApp(systemActor(), "no-such-group", validRegistration())).rejects.toEqual(refusal("NOT_FOUND"));
  });
});

describe("Global availability", () => {
  it("is refused to a group admin who is not a platform admin", async () => {
    const { group, admin, clientId } = await groupWithApp();
    await expect(createTestApp(asUser(admin), group.slug, { availability: "GLOBAL" })).rejects.toEqual(refusal("VALIDATION", { availability: NOT_PLATFORM }));
    await expect(updateApp(asUser(admin), clientId, validRegistration({ availability: "GLOBAL" }), group.slug)).rejects.toEqual(
      refusal("VALIDATION", { availability: NOT_PLATFORM }),
    );
    expect(await getDb().app.findMany({ where: { ownerGroupId: group.id }, select: { availability: true } })).toEqual([{ availability: "GROUP" }]);
  });

  it("is refused to a platform admin, and the CLI, outside a platform-organization group", async () => {
    const { group } = await createGroupWithMembers();
    const platformAdmin = await createUser([[group.id, "ADMIN"]], { isPlatformAdmin: true });
    await expect(createTestApp(asUser(platformAdmin), group.slug, { availability: "GLOBAL" })).rejects.toEqual(
      refusal("VALIDATION", { availability: NOT_PLATFORM_ORG }),
    );
    await expect(createTestApp(systemActor(), group.slug, { availability: "GLOBAL" })).rejects.toEqual(refusal("VALIDATION", { availability: NOT_PLATFORM_ORG }));
    expect(await getDb().app.count({ where: { ownerGroupId: group.id } })).toBe(0);
  });

  it("is allowed to a platform admin in a platform-organization group", async () => {
    const { group, platformAdmin } = await createPlatformGroupWithAdmin();
    const { app } = await createTestApp(asUser(platformAdmin), group.slug, { availability: "GLOBAL" });
    expect(app.availability).toBe("GLOBAL");
  });

  it("lets any platform admin manage a Global app, but not a Group app of a group they are not in", async () => {
    const { group, platformAdmin } = await createPlatformGroupWithAdmin();
    const globalApp = (await createTestApp(asUser(platformAdmin), group.slug, { availability: "GLOBAL" })).app;
    const groupApp = (await createTestApp(asUser(platformAdmin), group.slug, { availability: "GROUP" })).app;
    const otherPlatformAdmin = asUser(await createUser([], { isPlatformAdmin: true }));

    const updated = await updateApp(otherPlatformAdmin, globalApp.clientId, validRegistration({ name: "Renamed", availability: "GLOBAL" }), group.slug);
    expect(updated).toMatchObject({ name: "Renamed", availability: "GLOBAL" });
    await expect(getAppDetails(otherPlatformAdmin, globalApp.clientId)).resolves.toMatchObject({ app: { clientId: globalApp.clientId } });

    await expect(updateApp(otherPlatformAdmin, groupApp.clientId, validRegistration(), group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(getAppDetails(otherPlatformAdmin, groupApp.clientId, group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
  });

  it("does not let an ordinary user manage a Global app of a group they are not in", async () => {
    const { group, platformAdmin } = await createPlatformGroupWithAdmin();
    const { app } = await createTestApp(asUser(platformAdmin), group.slug, { availability: "GLOBAL" });
    const stranger = asUser(await createUser());
    await expect(updateApp(stranger, app.clientId, validRegistration({ availability: "GROUP" }), group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
  });
});

describe("editing a Global app", () => {
  it("is open to the owning group's admins, but only platform admins publish or withdraw it", async () => {
    const { group, platformAdmin } = await createPlatformGroupWithAdmin();
    const groupAdmin = await createUser([[group.id, "ADMIN"]]);
    const { app } = await createTestApp(asUser(platformAdmin), group.slug, { availability: "GLOBAL" });
    const renamed = await updateApp(asUser(groupAdmin), app.clientId, validRegistration({ name: "Renamed", availability: "GLOBAL" }), group.slug);
    expect(renamed).toMatchObject({ name: "Renamed", availability: "GLOBAL" });
    await expect(updateApp(asUser(groupAdmin), app.clientId, validRegistration({ availability: "GROUP" }), group.slug)).rejects.toEqual(
      refusal("VALIDATION", { availability: "Only platform admins can withdraw a Global app" }),
    );
    await expect(updateApp(asUser(platformAdmin), app.clientId, validRegistration({ availability: "GROUP" }), group.slug)).resolves.toMatchObject({ availability: "GROUP" });
  });
});
