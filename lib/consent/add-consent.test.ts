import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { createGroupWithMembers, createUser } from "@/lib/testing/factories";
import { asUser, createConsentWorld, registerApp, refusal, setAppStatus, type SeededApp } from "@/lib/testing/consent-factories";
import { addConsent } from "./mutations";

const installedIn = async (actor: Actor, slug: string, app: SeededApp) => {
  const result = await addConsent(actor, slug, { clientId: app.clientId });
  expect(result).toMatchObject({ created: true, setupUrl: null });
  return result;
};

const rowsOf = (appId: string) => getDb().installation.count({ where: { appId } });

describe("Add Consent: where an app may be installed", () => {
  it("installs a Group app only in its own group, even for platform admins elsewhere", async () => {
    const { groups, apps } = await createConsentWorld();
    const { a1, a2, b1, p } = groups;
    for (const [actor, slug] of [
      [asUser(a2.admin), a2.group.slug],
      [asUser(b1.admin), b1.group.slug],
      [asUser(p.admin), p.group.slug],
      [systemActor(), a2.group.slug],
    ] as const) {
      await expect(addConsent(actor, slug, { clientId: apps.a1Group.clientId })).rejects.toEqual(refusal("NOT_FOUND"));
    }
    // A platform admin who administers A2 still can't install A1's Group app there.
    const platformAdminInA2 = asUser(await createUser([[a2.group.id, "ADMIN"]], { isPlatformAdmin: true }));
    await expect(addConsent(platformAdminInA2, a2.group.slug, { clientId: apps.a1Group.clientId })).rejects.toEqual(refusal("NOT_FOUND"));
    // Nor act in A1, where they are not a member.
    await expect(addConsent(platformAdminInA2, a1.group.slug, { clientId: apps.a1Group.clientId })).rejects.toEqual(refusal("NOT_FOUND"));
    expect(await rowsOf(apps.a1Group.id)).toBe(0);

    await installedIn(asUser(a1.admin), a1.group.slug, apps.a1Group);
    expect(await rowsOf(apps.a1Group.id)).toBe(1);
  });

  it("installs an Organization app in any group of its organization, and nowhere else", async () => {
    const { groups, apps } = await createConsentWorld();
    const { a1, a2, b1, p } = groups;
    await installedIn(asUser(a1.admin), a1.group.slug, apps.a1Org);
    await installedIn(asUser(a2.admin), a2.group.slug, apps.a1Org);
    await expect(addConsent(asUser(b1.admin), b1.group.slug, { clientId: apps.a1Org.clientId })).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(addConsent(asUser(p.admin), p.group.slug, { clientId: apps.a1Org.clientId })).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(addConsent(asUser(a1.admin), a1.group.slug, { clientId: apps.b1Org.clientId })).rejects.toEqual(refusal("NOT_FOUND"));
    expect(await rowsOf(apps.a1Org.id)).toBe(2);
  });

  it("installs a Global app in any group, the CLI's included", async () => {
    const { groups, apps } = await createConsentWorld();
    const { a1, a2, b1, p } = groups;
    await installedIn(asUser(a1.admin), a1.group.slug, apps.pGlobal);
    await installedIn(asUser(b1.admin), b1.group.slug, apps.pGlobal);
    await installedIn(asUser(p.admin), p.group.slug, apps.pGlobal);
    await installedIn(systemActor(), a2.group.slug, apps.pGlobal);
    expect(await rowsOf(apps.pGlobal.id)).toBe(4);
  });

  it("lets only the group's admins add consent: members and viewers FORBIDDEN, outsiders NOT_FOUND", async () => {
    const { groups, apps, outsider } = await createConsentWorld();
    const { a1 } = groups;
    for (const user of [a1.member, a1.viewer]) {
      await expect(addConsent(asUser(user), a1.group.slug, { clientId: apps.a1Group.clientId })).rejects.toEqual(refusal("FORBIDDEN"));
      // The role is checked before the input.
      await expect(addConsent(asUser(user), a1.group.slug, {})).rejects.toEqual(refusal("FORBIDDEN"));
    }
    await expect(addConsent(asUser(outsider), a1.group.slug, { clientId: apps.a1Group.clientId })).rejects.toEqual(refusal("NOT_FOUND"));
    const platformAdmin = asUser(await createUser([], { isPlatformAdmin: true }));
    await expect(addConsent(platformAdmin, a1.group.slug, { clientId: apps.pGlobal.clientId })).rejects.toEqual(refusal("NOT_FOUND"));
    expect(await rowsOf(apps.a1Group.id)).toBe(0);
    expect(await rowsOf(apps.pGlobal.id)).toBe(0);
  });

  it("refuses a suspended app with CONFLICT where it would be installable, NOT_FOUND elsewhere", async () => {
    const { groups, apps } = await createConsentWorld();
    const { a2, b1 } = groups;
    await setAppStatus(apps.a1Org.id, "SUSPENDED");
    await expect(addConsent(asUser(a2.admin), a2.group.slug, { clientId: apps.a1Org.clientId })).rejects.toEqual(refusal("CONFLICT"));
    await expect(addConsent(asUser(b1.admin), b1.group.slug, { clientId: apps.a1Org.clientId })).rejects.toEqual(refusal("NOT_FOUND"));
    expect(await rowsOf(apps.a1Org.id)).toBe(0);
    expect(await getDb().botUser.count({ where: { appId: apps.a1Org.id } })).toBe(0);
  });

  it("answers NOT_FOUND for an unknown app or group, VALIDATION for a missing client ID", async () => {
    const { group, admin } = await createGroupWithMembers();
    await expect(addConsent(asUser(admin), group.slug, { clientId: "0".repeat(32) })).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(addConsent(systemActor(), "no-such-group", { clientId: "0".repeat(32) })).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(addConsent(asUser(admin), group.slug, { clientId: "  " })).rejects.toEqual(refusal("VALIDATION", { clientId: "Choose an app" }));
    await expect(addConsent(asUser(admin), group.slug, undefined)).rejects.toEqual(refusal("VALIDATION"));
  });

  it("returns the app's setup URL", async () => {
    const { group, admin } = await createGroupWithMembers();
    const app = await registerApp(asUser(admin), group.slug, { setupUrl: "https://app.example.com/setup" });
    await expect(addConsent(asUser(admin), group.slug, { clientId: app.clientId })).resolves.toMatchObject({ created: true, setupUrl: "https://app.example.com/setup" });
  });
});

describe("Add Consent: the group's permissions", () => {
  async function appWithScopes() {
    const seeded = await createGroupWithMembers();
    const actor = asUser(seeded.admin);
    const app = await registerApp(actor, seeded.group.slug, { scopes: ["work_items:read", "email", "openid", "profile"] });
    const install = async (scopes?: unknown) => {
      const { installationId } = await addConsent(actor, seeded.group.slug, { clientId: app.clientId, scopes });
      return getDb().installation.findUniqueOrThrow({ where: { id: installationId } });
    };
    return { ...seeded, actor, app, install };
  }

  it("takes every permission the app may request when none are given", async () => {
    const { install } = await appWithScopes();
    expect((await install()).scopes).toEqual(["openid", "profile", "email", "work_items:read"]);
  });

  it("stores a narrowed subset in catalog order, always with openid", async () => {
    const { install } = await appWithScopes();
    expect((await install(["work_items:read", "profile"])).scopes).toEqual(["openid", "profile", "work_items:read"]);
  });

  it("narrows to openid alone for an empty list, and tolerates repeats", async () => {
    const first = await appWithScopes();
    expect((await first.install([])).scopes).toEqual(["openid"]);
    const second = await appWithScopes();
    expect((await second.install(["email", "email", "openid"])).scopes).toEqual(["openid", "email"]);
  });

  it("refuses a permission the app may not request, creating nothing", async () => {
    const { install, app, group } = await appWithScopes();
    const error = await install(["profile", "projects:write"]).catch((caught: unknown) => caught);
    expect(error).toEqual(refusal("VALIDATION", { scopes: expect.stringContaining("projects:write") }));
    expect(await rowsOf(app.id)).toBe(0);
    expect(await getDb().botUser.count({ where: { appId: app.id } })).toBe(0);
    expect(await getDb().auditEvent.count({ where: { action: "app.installed", groupId: group.id } })).toBe(0);
  });

  it("refuses an unknown permission id with VALIDATION", async () => {
    const { install, app } = await appWithScopes();
    await expect(install(["profile", "admin:everything"])).rejects.toEqual(refusal("VALIDATION", { "scopes.1": "Unknown permission" }));
    await expect(install("profile")).rejects.toEqual(refusal("VALIDATION"));
    expect(await rowsOf(app.id)).toBe(0);
  });
});
