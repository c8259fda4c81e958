import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { systemActor } from "@/lib/auth/actor";
import { createGroup, createGroupWithMembers, createUser } from "@/lib/testing/factories";
import { asUser, auditEventsFor, liveInstallations, registerApp } from "@/lib/testing/consent-factories";
import { addConsent, removeConsent } from "./mutations";

async function groupWithApp() {
  const seeded = await createGroupWithMembers();
  const actor = asUser(seeded.admin);
  const app = await registerApp(actor, seeded.group.slug, { scopes: ["openid", "profile", "email"] });
  const add = (scopes?: string[]) => addConsent(actor, seeded.group.slug, { clientId: app.clientId, scopes });
  return { ...seeded, actor, app, add };
}

const installationRows = (appId: string, groupId: string) =>
  getDb().installation.findMany({ where: { appId, groupId }, orderBy: { createdAt: "asc" } });

describe("Add Consent is idempotent", () => {
  it("returns the live installation, unchanged, on a second Add Consent", async () => {
    const { app, group, add } = await groupWithApp();
    const first = await add(["profile"]);
    const second = await add(["email"]);
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ installationId: first.installationId, created: false, setupUrl: null });
    expect(second.callbackUrl).toBe(`https://app.example.com/callback?app_installation_id=${first.installationId}`);
    const live = await liveInstallations(app.id, group.id);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ id: first.installationId, status: "INSTALLED", liveKey: `${app.id}:${group.id}`, scopes: ["openid", "profile"] });
    expect(await installationRows(app.id, group.id)).toHaveLength(1);
    expect(await auditEventsFor(first.installationId)).toHaveLength(1);
  });

  it("creates one installation when three Add Consents race", async () => {
    const { app, group, add } = await groupWithApp();
    const results = await Promise.all([add(), add(), add()]);
    const ids = new Set(results.map((result) => result.installationId));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await installationRows(app.id, group.id)).toHaveLength(1);
    expect(await getDb().botUser.count({ where: { appId: app.id, groupId: group.id } })).toBe(1);
    expect((await auditEventsFor([...ids][0])).map((event) => event.action)).toEqual(["app.installed"]);
  });
});

describe("Remove consent, then Add Consent again", () => {
  it("revokes the installation and, on re-install, creates a new one with the same bot", async () => {
    const { app, group, admin, actor, add } = await groupWithApp();
    const first = await add();
    const firstRow = await getDb().installation.findUniqueOrThrow({ where: { id: first.installationId } });
    const bot = await getDb().botUser.findUniqueOrThrow({ where: { id: firstRow.botUserId } });
    expect(bot).toMatchObject({ appId: app.id, groupId: group.id, displayName: `${app.name} (bot)` });

    await removeConsent(actor, group.slug, first.installationId);
    const revoked = await getDb().installation.findUniqueOrThrow({ where: { id: first.installationId } });
    expect(revoked).toMatchObject({ status: "REVOKED", liveKey: null, revokedById: admin.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await liveInstallations(app.id, group.id)).toEqual([]);

    const second = await add();
    expect(second.created).toBe(true);
    expect(second.installationId).not.toBe(first.installationId);
    const secondRow = await getDb().installation.findUniqueOrThrow({ where: { id: second.installationId } });
    expect(secondRow).toMatchObject({ status: "INSTALLED", botUserId: bot.id, revokedAt: null });
    expect(await getDb().botUser.findMany({ where: { appId: app.id, groupId: group.id } })).toEqual([expect.objectContaining({ id: bot.id })]);
    expect((await installationRows(app.id, group.id)).map((row) => row.status)).toEqual(["REVOKED", "INSTALLED"]);
  });

  it("gives the app a separate bot in each group", async () => {
    const { app, organization, add } = await groupWithApp();
    await add();
    const other = await createGroup(organization.id);
    const otherAdmin = asUser(await createUser([[other.id, "ADMIN"]]));
    await getDb().app.update({ where: { id: app.id }, data: { availability: "ORGANIZATION" } });
    await addConsent(otherAdmin, other.slug, { clientId: app.clientId });
    const bots = await getDb().botUser.findMany({ where: { appId: app.id } });
    expect(new Set(bots.map((row) => row.groupId)).size).toBe(2);
  });
});

describe("Audit of Add Consent and Remove consent", () => {
  it("records app.installed and app.uninstalled in the group, targeting the installation", async () => {
    const { app, group, admin, actor, add } = await groupWithApp();
    const { installationId } = await add(["email"]);
    await removeConsent(actor, group.slug, installationId);
    const events = await auditEventsFor(installationId);
    expect(events).toEqual([
      expect.objectContaining({
        action: "app.installed",
        groupId: group.id,
        actorUserId: admin.id,
        targetType: "installation",
        targetId: installationId,
        details: { app: app.name, clientId: app.clientId, scopes: ["openid", "email"] },
      }),
      expect.objectContaining({ action: "app.uninstalled", groupId: group.id, actorUserId: admin.id, targetId: installationId, details: { app: app.name, clientId: app.clientId } }),
    ]);
  });

  it("records the CLI as the actor when the system actor acts", async () => {
    const { app, group } = await groupWithApp();
    const { installationId } = await addConsent(systemActor(), group.slug, { clientId: app.clientId });
    expect(await getDb().installation.findUniqueOrThrow({ where: { id: installationId } })).toMatchObject({ installedById: null });
    await removeConsent(systemActor("ops"), group.slug, installationId);
    const events = await auditEventsFor(installationId);
    expect(events.map((event) => [event.action, event.actorUserId, event.actorLabel])).toEqual([
      ["app.installed", null, "cli"],
      ["app.uninstalled", null, "ops"],
    ]);
  });
});

describe("Remove consent: refusals", () => {
  it("answers NOT_FOUND for an unknown installation, another group's, or one already revoked", async () => {
    const { group, actor, add } = await groupWithApp();
    const other = await groupWithApp();
    const theirs = await other.add();
    await expect(removeConsent(actor, group.slug, "no-such-installation")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeConsent(actor, group.slug, theirs.installationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeConsent(other.actor, group.slug, theirs.installationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await liveInstallations(other.app.id, other.group.id)).toHaveLength(1);

    const mine = await add();
    await removeConsent(actor, group.slug, mine.installationId);
    await expect(removeConsent(actor, group.slug, mine.installationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await auditEventsFor(mine.installationId)).filter((event) => event.action === "app.uninstalled")).toHaveLength(1);
  });

  it("refuses members and viewers with FORBIDDEN and outsiders with NOT_FOUND, leaving it installed", async () => {
    const { group, member, viewer, outsider, add, app } = await groupWithApp();
    const { installationId } = await add();
    await expect(removeConsent(asUser(member), group.slug, installationId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeConsent(asUser(viewer), group.slug, installationId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeConsent(asUser(outsider), group.slug, installationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await liveInstallations(app.id, group.id)).toEqual([expect.objectContaining({ id: installationId })]);
  });
});
