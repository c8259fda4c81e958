import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { systemActor } from "@/lib/auth/actor";
import { createGroup, createUser } from "@/lib/testing/factories";
import { asUser, createConsentWorld, registerApp, refusal } from "@/lib/testing/consent-factories";
import { getInstallationDetails, toPlaneInstallation } from "./installation-details";
import { addConsent, removeConsent } from "./mutations";

const grant = (installationId: string, userId: string, revokedAt: Date | null = null) =>
  getDb().installation.findUniqueOrThrow({ where: { id: installationId } }).then((row) =>
    getDb().appGrant.create({
      data: { grantId: randomUUID(), userId, appId: row.appId, groupId: row.groupId, installationId, scopes: ["openid"], revokedAt },
    }),
  );

async function installedWorld() {
  const world = await createConsentWorld();
  const { a1 } = world.groups;
  const { installationId } = await addConsent(asUser(a1.admin), a1.group.slug, { clientId: world.apps.a1Group.clientId, scopes: ["profile"] });
  return { ...world, a1, installationId };
}

describe("getInstallationDetails", () => {
  it("describes a live installation waiting for setup", async () => {
    const { a1, apps, organizations, installationId } = await installedWorld();
    const row = await getDb().installation.findUniqueOrThrow({ where: { id: installationId }, include: { group: true } });
    const admin = await getDb().user.findUniqueOrThrow({ where: { id: a1.admin.id } });

    const details = await getInstallationDetails(asUser(a1.viewer), a1.group.slug, installationId);
    expect(details).toEqual({
      id: installationId,
      status: "INSTALLED",
      app: {
        id: apps.a1Group.id,
        clientId: apps.a1Group.clientId,
        name: apps.a1Group.name,
        logoUrl: null,
        publisher: organizations.a.name,
        setupUrl: null,
        webhookUrl: null,
        webhookId: null,
        isMentionable: false,
        status: "ACTIVE",
      },
      group: { id: row.group.id, slug: row.group.slug, name: row.group.name },
      scopes: ["openid", "profile"],
      bot: { id: row.botUserId, subject: `bot:${row.botUserId}`, displayName: `${apps.a1Group.name} (bot)` },
      installedBy: { id: admin.id, name: admin.name },
      installedAt: row.createdAt,
      updatedAt: row.updatedAt,
      revokedAt: null,
      revokedBy: null,
      lastUsedAt: null,
      lastBotTokenAt: null,
      setupStatus: "waiting",
      setupCompletedAt: null,
      people: 0,
    });
  });

  it("reports setup, bot token use and the people with a live grant here", async () => {
    const { a1, installationId } = await installedWorld();
    const setupAt = new Date("2025-03-01T10:00:00Z");
    const tokenAt = new Date("2025-03-02T11:00:00Z");
    const usedAt = new Date("2025-03-03T12:00:00Z");
    await getDb().installation.update({ where: { id: installationId }, data: { setupCompletedAt: setupAt, lastBotTokenAt: tokenAt, lastUsedAt: usedAt } });
    // Two grants of one person count once; a revoked grant not at all.
    await grant(installationId, a1.admin.id);
    await grant(installationId, a1.admin.id);
    await grant(installationId, a1.member.id);
    await grant(installationId, a1.viewer.id, new Date());

    const details = await getInstallationDetails(asUser(a1.member), a1.group.slug, installationId);
    expect(details).toMatchObject({ setupStatus: "complete", setupCompletedAt: setupAt, lastBotTokenAt: tokenAt, lastUsedAt: usedAt, people: 2 });
  });

  it("does not count the grants of another installation of the same app", async () => {
    const { a1, groups, apps, installationId } = await installedWorld();
    const other = await addConsent(asUser(groups.a2.admin), groups.a2.group.slug, { clientId: apps.a1Org.clientId });
    const own = await addConsent(asUser(a1.admin), a1.group.slug, { clientId: apps.a1Org.clientId });
    await grant(other.installationId, groups.a2.member.id);
    await grant(installationId, a1.member.id);
    expect((await getInstallationDetails(systemActor(), undefined, own.installationId)).people).toBe(0);
    expect((await getInstallationDetails(systemActor(), undefined, other.installationId)).people).toBe(1);
  });

  it("still shows a revoked installation, with who removed it", async () => {
    const { a1, installationId } = await installedWorld();
    await grant(installationId, a1.member.id);
    await removeConsent(asUser(a1.admin), a1.group.slug, installationId);
    const admin = await getDb().user.findUniqueOrThrow({ where: { id: a1.admin.id } });

    const details = await getInstallationDetails(asUser(a1.viewer), a1.group.slug, installationId);
    expect(details).toMatchObject({ status: "REVOKED", revokedBy: { id: admin.id, name: admin.name }, people: 0 });
    expect(details.revokedAt).toBeInstanceOf(Date);
  });

  it("is open to every member and to the CLI, without a group slug too", async () => {
    const { a1, installationId } = await installedWorld();
    for (const actor of [asUser(a1.admin), asUser(a1.member), asUser(a1.viewer), systemActor()]) {
      expect((await getInstallationDetails(actor, a1.group.slug, installationId)).id).toBe(installationId);
      expect((await getInstallationDetails(actor, undefined, installationId)).id).toBe(installationId);
    }
  });

  it("hides the installation from outsiders and members of other groups", async () => {
    const { a1, groups, outsider, installationId } = await installedWorld();
    const platformAdmin = await createUser([], { isPlatformAdmin: true });
    for (const actor of [asUser(outsider), asUser(groups.a2.admin), asUser(groups.b1.admin), asUser(platformAdmin)]) {
      await expect(getInstallationDetails(actor, a1.group.slug, installationId)).rejects.toEqual(refusal("NOT_FOUND"));
      await expect(getInstallationDetails(actor, undefined, installationId)).rejects.toEqual(refusal("NOT_FOUND"));
    }
    // Under another group's slug, even for its own admin or the CLI.
    await expect(getInstallationDetails(asUser(groups.a2.admin), groups.a2.group.slug, installationId)).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(getInstallationDetails(systemActor(), groups.a2.group.slug, installationId)).rejects.toEqual(refusal("NOT_FOUND"));
  });

  it("answers an unknown id with not found", async () => {
    const { a1 } = await installedWorld();
    await expect(getInstallationDetails(asUser(a1.admin), a1.group.slug, randomUUID())).rejects.toEqual(
      expect.objectContaining({ code: "NOT_FOUND", message: "Installation not found" }),
    );
    await expect(getInstallationDetails(systemActor(), undefined, "not-an-id")).rejects.toEqual(refusal("NOT_FOUND"));
  });

  it("shows null installedBy once the installing user is deleted, and the publisher name when given", async () => {
    const { groups } = await createConsentWorld();
    const group = await createGroup(groups.a1.group.organizationId);
    const installer = await createUser([[group.id, "ADMIN"]]);
    const app = await registerApp(asUser(installer), group.slug, { publisherName: "Acme Labs", isMentionable: true });
    const { installationId } = await addConsent(asUser(installer), group.slug, { clientId: app.clientId });
    await getDb().user.delete({ where: { id: installer.id } });
    const details = await getInstallationDetails(systemActor(), group.slug, installationId);
    expect(details).toMatchObject({ installedBy: null, app: { publisher: "Acme Labs", isMentionable: true } });
  });
});

describe("toPlaneInstallation", () => {
  it("produces Plane's app-installation object", async () => {
    const { a1, apps, installationId } = await installedWorld();
    const details = await getInstallationDetails(systemActor(), undefined, installationId);
    expect(toPlaneInstallation(details)).toEqual({
      id: installationId,
      workspace_detail: { name: details.group.name, slug: a1.group.slug, id: a1.group.id, logo_url: null },
      created_at: details.installedAt.toISOString(),
      updated_at: details.updatedAt.toISOString(),
      deleted_at: null,
      status: "installed",
      workspace: a1.group.id,
      application: apps.a1Group.id,
      installed_by: a1.admin.id,
      app_bot: details.bot.id,
      webhook: null,
    });
  });

  it("marks a revoked installation deleted, names the webhook, and drops a deleted installer", async () => {
    const { groups } = await createConsentWorld();
    const group = await createGroup(groups.a1.group.organizationId);
    const installer = await createUser([[group.id, "ADMIN"]]);
    const app = await registerApp(asUser(installer), group.slug, { webhookUrl: "https://app.example.com/hooks" });
    const { installationId } = await addConsent(asUser(installer), group.slug, { clientId: app.clientId });
    await removeConsent(systemActor(), group.slug, installationId);
    await getDb().user.delete({ where: { id: installer.id } });

    const details = await getInstallationDetails(systemActor(), group.slug, installationId);
    const plane = toPlaneInstallation(details);
    const webhook = await getDb().webhook.findUniqueOrThrow({ where: { appId: app.id } });
    expect(plane).toMatchObject({ status: "revoked", deleted_at: details.revokedAt!.toISOString(), installed_by: null, webhook: webhook.id, application: app.id });
    expect(Object.keys(plane).sort()).toEqual(
      ["app_bot", "application", "created_at", "deleted_at", "id", "installed_by", "status", "updated_at", "webhook", "workspace", "workspace_detail"],
    );
  });
});
