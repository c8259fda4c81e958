import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { deleteApp, updateApp } from "@/lib/apps/mutations";
import type { AppRegistrationInput } from "@/lib/apps/schemas";
import { validRegistration } from "@/lib/testing/app-factories";
import { asUser, auditEventsFor, browseNames, createConsentWorld, liveInstallations, type SeededApp } from "@/lib/testing/consent-factories";
import { addConsent } from "./mutations";
import { listInstalledApps } from "./queries";

// The full settings updateApp expects, keeping the app's name (the factory's defaults otherwise).
const settings = (app: SeededApp, overrides: Partial<AppRegistrationInput>) => validRegistration({ name: app.name, clientType: "PUBLIC", ...overrides });

describe("Narrowing an app's availability", () => {
  it("revokes the installations of groups that can no longer see it, and keeps the owner's", async () => {
    const { groups, apps, tag } = await createConsentWorld();
    const { a1, a2 } = groups;
    const inA1 = await addConsent(asUser(a1.admin), a1.group.slug, { clientId: apps.a1Org.clientId });
    const inA2 = await addConsent(asUser(a2.admin), a2.group.slug, { clientId: apps.a1Org.clientId });

    await updateApp(asUser(a1.admin), apps.a1Org.clientId, settings(apps.a1Org, { availability: "GROUP" }), a1.group.slug);

    const revoked = await getDb().installation.findUniqueOrThrow({ where: { id: inA2.installationId } });
    expect(revoked).toMatchObject({ status: "REVOKED", liveKey: null, revokedById: a1.admin.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await getDb().installation.findUniqueOrThrow({ where: { id: inA1.installationId } })).toMatchObject({ status: "INSTALLED" });

    const events = await auditEventsFor(inA2.installationId);
    expect(events.map((event) => [event.action, event.groupId, event.actorUserId])).toEqual([
      ["app.installed", a2.group.id, a2.admin.id],
      ["app.uninstalled", a2.group.id, a1.admin.id],
    ]);
    expect((await auditEventsFor(inA1.installationId)).map((event) => event.action)).toEqual(["app.installed"]);

    expect(await listInstalledApps(asUser(a2.viewer), a2.group.slug)).toEqual([]);
    expect(await browseNames(asUser(a2.admin), a2.group.slug, "organization", tag)).toEqual([]);
    await expect(addConsent(asUser(a2.admin), a2.group.slug, { clientId: apps.a1Org.clientId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("withdrawing a Global app to Organization revokes it outside the platform organization only", async () => {
    const { groups, apps } = await createConsentWorld();
    const { b1, p } = groups;
    const inB1 = await addConsent(asUser(b1.admin), b1.group.slug, { clientId: apps.pGlobal.clientId });
    const inP = await addConsent(asUser(p.admin), p.group.slug, { clientId: apps.pGlobal.clientId });

    await updateApp(asUser(p.admin), apps.pGlobal.clientId, settings(apps.pGlobal, { availability: "ORGANIZATION" }), p.group.slug);

    expect(await liveInstallations(apps.pGlobal.id, b1.group.id)).toEqual([]);
    expect((await getDb().installation.findUniqueOrThrow({ where: { id: inB1.installationId } })).status).toBe("REVOKED");
    expect(await liveInstallations(apps.pGlobal.id, p.group.id)).toEqual([expect.objectContaining({ id: inP.installationId })]);
  });

  it("revokes nothing when availability widens or other settings change", async () => {
    const { groups, apps } = await createConsentWorld();
    const { a1 } = groups;
    const { installationId } = await addConsent(asUser(a1.admin), a1.group.slug, { clientId: apps.a1Group.clientId });
    await updateApp(asUser(a1.admin), apps.a1Group.clientId, settings(apps.a1Group, { availability: "ORGANIZATION" }), a1.group.slug);
    await updateApp(asUser(a1.admin), apps.a1Group.clientId, settings(apps.a1Group, { availability: "ORGANIZATION", description: "Now shared" }), a1.group.slug);
    expect(await liveInstallations(apps.a1Group.id, a1.group.id)).toEqual([expect.objectContaining({ id: installationId })]);
    expect((await auditEventsFor(installationId)).map((event) => event.action)).toEqual(["app.installed"]);
  });
});

describe("Deleting an app", () => {
  it("removes its installations and bots in every group (database cascade)", async () => {
    const { groups, apps } = await createConsentWorld();
    const { a1, a2 } = groups;
    const inA1 = await addConsent(asUser(a1.admin), a1.group.slug, { clientId: apps.a1Org.clientId });
    await addConsent(asUser(a2.admin), a2.group.slug, { clientId: apps.a1Org.clientId });

    await deleteApp(asUser(a1.admin), apps.a1Org.clientId, { confirmName: apps.a1Org.name });

    expect(await getDb().installation.count({ where: { appId: apps.a1Org.id } })).toBe(0);
    expect(await getDb().botUser.count({ where: { appId: apps.a1Org.id } })).toBe(0);
    expect(await listInstalledApps(asUser(a1.admin), a1.group.slug)).toEqual([]);
    expect(await listInstalledApps(asUser(a2.admin), a2.group.slug)).toEqual([]);
    // The audit trail outlives the installation.
    expect((await auditEventsFor(inA1.installationId)).map((event) => event.action)).toEqual(["app.installed"]);
  });

  it("narrowing the app's permissions lowers every group's ceiling", async () => {
    const { groups, apps } = await createConsentWorld();
    const { a1 } = groups;
    const installed = await addConsent(asUser(a1.admin), a1.group.slug, { clientId: apps.a1Org.clientId });
    await updateApp(asUser(a1.admin), apps.a1Org.clientId, settings(apps.a1Org, { availability: "ORGANIZATION", scopes: ["openid"] }), a1.group.slug);
    const row = await getDb().installation.findUniqueOrThrow({ where: { id: installed.installationId } });
    expect(row).toMatchObject({ status: "INSTALLED", scopes: ["openid"] });
  });
});
