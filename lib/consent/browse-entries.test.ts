import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { asUser, browseEntry, browseNames, createConsentWorld, registerApp, setAppStatus } from "@/lib/testing/consent-factories";
import { addConsent, removeConsent } from "./mutations";

describe("Browse entries: installation", () => {
  it("links the installation only in the group where the app is installed", async () => {
    const { groups, apps } = await createConsentWorld();
    const { a1, a2 } = groups;
    const inA2 = await addConsent(asUser(a2.admin), a2.group.slug, { clientId: apps.a1Org.clientId });

    expect(await browseEntry(asUser(a2.viewer), a2.group.slug, "organization", apps.a1Org)).toMatchObject({ installationId: inA2.installationId });
    expect(await browseEntry(asUser(a1.viewer), a1.group.slug, "organization", apps.a1Org)).toMatchObject({ installationId: null });
    expect(await browseEntry(asUser(a1.viewer), a1.group.slug, "group", apps.a1Org)).toMatchObject({ installationId: null });

    const inA1 = await addConsent(asUser(a1.admin), a1.group.slug, { clientId: apps.a1Org.clientId });
    expect(inA1.installationId).not.toBe(inA2.installationId);
    expect(await browseEntry(asUser(a1.member), a1.group.slug, "group", apps.a1Org)).toMatchObject({ installationId: inA1.installationId });
    expect(await browseEntry(asUser(a1.member), a1.group.slug, "organization", apps.a1Org)).toMatchObject({ installationId: inA1.installationId });
    expect(await browseEntry(asUser(a2.member), a2.group.slug, "organization", apps.a1Org)).toMatchObject({ installationId: inA2.installationId });
  });

  it("drops the link once consent is removed", async () => {
    const { groups, apps } = await createConsentWorld();
    const { b1 } = groups;
    const { installationId } = await addConsent(asUser(b1.admin), b1.group.slug, { clientId: apps.pGlobal.clientId });
    expect(await browseEntry(asUser(b1.admin), b1.group.slug, "global", apps.pGlobal)).toMatchObject({ installationId });
    await removeConsent(asUser(b1.admin), b1.group.slug, installationId);
    expect(await browseEntry(asUser(b1.admin), b1.group.slug, "global", apps.pGlobal)).toMatchObject({ installationId: null });
  });
});

describe("Browse entries: verified and publisher", () => {
  it("marks only Global apps of a platform organization as verified", async () => {
    const { groups, apps } = await createConsentWorld();
    const { a1, p } = groups;
    expect(await browseEntry(asUser(a1.admin), a1.group.slug, "global", apps.pGlobal)).toMatchObject({ verified: true, availability: "GLOBAL" });
    expect(await browseEntry(asUser(p.admin), p.group.slug, "group", apps.pGlobal)).toMatchObject({ verified: true });
    expect(await browseEntry(asUser(a1.admin), a1.group.slug, "organization", apps.a1Org)).toMatchObject({ verified: false });
    expect(await browseEntry(asUser(a1.admin), a1.group.slug, "group", apps.a1Group)).toMatchObject({ verified: false });

    // An Organization app of the platform organization is not verified.
    const platformOrgApp = await registerApp(asUser(p.admin), p.group.slug, { availability: "ORGANIZATION" });
    expect(await browseEntry(asUser(p.member), p.group.slug, "organization", platformOrgApp)).toMatchObject({ verified: false });

    // Nor is a Global app owned outside the platform organization (forced in the database).
    await getDb().app.update({ where: { id: apps.a2Group.id }, data: { availability: "GLOBAL" } });
    expect(await browseEntry(asUser(p.admin), p.group.slug, "global", apps.a2Group)).toMatchObject({ verified: false, availability: "GLOBAL" });
  });

  it("shows the publisher name when given, else the owner organization's name", async () => {
    const { groups, apps, organizations } = await createConsentWorld();
    const { a1, a2, b1 } = groups;
    expect(await browseEntry(asUser(a2.admin), a2.group.slug, "organization", apps.a1Org)).toMatchObject({ publisher: organizations.a.name });
    expect(await browseEntry(asUser(b1.admin), b1.group.slug, "global", apps.pGlobal)).toMatchObject({ publisher: organizations.platform.name });

    const branded = await registerApp(asUser(a1.admin), a1.group.slug, { availability: "ORGANIZATION", publisherName: "Acme Labs" });
    expect(await browseEntry(asUser(a2.admin), a2.group.slug, "organization", branded)).toMatchObject({ publisher: "Acme Labs" });
  });
});

describe("Browse entries: suspended apps", () => {
  it("hides a suspended Organization app from the organization tab but keeps it on its owner's group tab", async () => {
    const { groups, apps, tag } = await createConsentWorld();
    const { a1, a2 } = groups;
    await setAppStatus(apps.a1Org.id, "SUSPENDED");

    expect(await browseNames(asUser(a1.admin), a1.group.slug, "organization", tag)).toEqual([]);
    expect(await browseNames(asUser(a2.admin), a2.group.slug, "organization", tag)).toEqual([]);
    expect(await browseNames(asUser(a1.viewer), a1.group.slug, "group", tag)).toEqual([apps.a1Group.name, apps.a1Org.name]);
    expect(await browseEntry(asUser(a1.admin), a1.group.slug, "group", apps.a1Org)).toMatchObject({ status: "SUSPENDED" });

    await setAppStatus(apps.a1Org.id, "ACTIVE");
    expect(await browseNames(asUser(a2.admin), a2.group.slug, "organization", tag)).toEqual([apps.a1Org.name]);
  });

  it("hides a suspended Global app from every global tab, its owner's included, but not from its owner's group tab", async () => {
    const { groups, apps, tag } = await createConsentWorld();
    const { b1, p } = groups;
    await setAppStatus(apps.pGlobal.id, "SUSPENDED");

    expect(await browseNames(asUser(b1.admin), b1.group.slug, "global", tag)).toEqual([]);
    expect(await browseNames(asUser(p.admin), p.group.slug, "global", tag)).toEqual([]);
    expect(await browseEntry(asUser(p.admin), p.group.slug, "group", apps.pGlobal)).toMatchObject({ status: "SUSPENDED", verified: true });
  });

  it("keeps a suspended Group app on its own group tab", async () => {
    const { groups, apps } = await createConsentWorld();
    await setAppStatus(apps.b1Group.id, "SUSPENDED");
    expect(await browseEntry(asUser(groups.b1.member), groups.b1.group.slug, "group", apps.b1Group)).toMatchObject({ status: "SUSPENDED" });
  });
});
