import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { systemActor } from "@/lib/auth/actor";
import { createGroup, createUser } from "@/lib/testing/factories";
import { asUser, createConsentWorld, registerApp, refusal } from "@/lib/testing/consent-factories";
import { addConsent, removeConsent } from "./mutations";
import { listInstalledApps } from "./queries";

// Installations made in one millisecond would tie on createdAt: spread them out.
const backdate = (installationId: string, minutesAgo: number) =>
  getDb().installation.update({ where: { id: installationId }, data: { createdAt: new Date(Date.now() - minutesAgo * 60_000) } });

describe("listInstalledApps", () => {
  it("lists only the group's live installations, newest first, with who installed them and the bot", async () => {
    const { groups, apps, organizations } = await createConsentWorld();
    const { a1, a2 } = groups;
    const admin = asUser(a1.admin);
    const own = await addConsent(admin, a1.group.slug, { clientId: apps.a1Group.clientId, scopes: ["profile"] });
    const shared = await addConsent(admin, a1.group.slug, { clientId: apps.a1Org.clientId });
    const global = await addConsent(systemActor(), a1.group.slug, { clientId: apps.pGlobal.clientId });
    await backdate(own.installationId, 30);
    await backdate(shared.installationId, 20);
    await backdate(global.installationId, 10);
    // Not listed in A1: a revoked one, and A2's installation of the same app.
    await removeConsent(admin, a1.group.slug, shared.installationId);
    const inA2 = await addConsent(asUser(a2.admin), a2.group.slug, { clientId: apps.a1Org.clientId });

    const listed = await listInstalledApps(asUser(a1.viewer), a1.group.slug);
    expect(listed.map((row) => row.installationId)).toEqual([global.installationId, own.installationId]);
    const installer = await getDb().user.findUniqueOrThrow({ where: { id: a1.admin.id } });
    const ownBot = await getDb().botUser.findUniqueOrThrow({ where: { appId_groupId: { appId: apps.a1Group.id, groupId: a1.group.id } } });
    expect(listed[1]).toEqual({
      installationId: own.installationId,
      app: { clientId: apps.a1Group.clientId, name: apps.a1Group.name, logoUrl: null, publisher: organizations.a.name, setupUrl: null, isMentionable: false },
      scopes: ["openid", "profile"],
      bot: { id: ownBot.id, displayName: `${apps.a1Group.name} (bot)` },
      installedBy: installer.name,
      installedAt: expect.any(Date),
      lastUsedAt: null,
    });
    expect(listed[0]).toMatchObject({ installedBy: "An operator", app: { publisher: organizations.platform.name }, bot: { displayName: `${apps.pGlobal.name} (bot)` } });

    expect((await listInstalledApps(asUser(a2.member), a2.group.slug)).map((row) => row.installationId)).toEqual([inA2.installationId]);
  });

  it("is open to every member of the group and to the CLI, but not to outsiders", async () => {
    const { groups, apps, outsider } = await createConsentWorld();
    const { a1 } = groups;
    const { installationId } = await addConsent(asUser(a1.admin), a1.group.slug, { clientId: apps.a1Group.clientId });
    for (const actor of [asUser(a1.admin), asUser(a1.member), asUser(a1.viewer), systemActor()]) {
      expect((await listInstalledApps(actor, a1.group.slug)).map((row) => row.installationId)).toEqual([installationId]);
    }
    await expect(listInstalledApps(asUser(outsider), a1.group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
  });

  it("is empty for a group with nothing installed", async () => {
    const { groups } = await createConsentWorld();
    expect(await listInstalledApps(asUser(groups.b1.viewer), groups.b1.group.slug)).toEqual([]);
  });

  it("shows 'An operator' once the installing user is deleted, and the publisher name when given", async () => {
    const { groups } = await createConsentWorld();
    const group = await createGroup(groups.a1.group.organizationId);
    const installer = await createUser([[group.id, "ADMIN"]]);
    const app = await registerApp(asUser(installer), group.slug, { publisherName: "Acme Labs", isMentionable: true });
    await addConsent(asUser(installer), group.slug, { clientId: app.clientId });
    await getDb().user.delete({ where: { id: installer.id } });
    const [row] = await listInstalledApps(systemActor(), group.slug);
    expect(row).toMatchObject({ installedBy: "An operator", app: { publisher: "Acme Labs", isMentionable: true } });
  });
});
