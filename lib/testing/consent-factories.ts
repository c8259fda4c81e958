import { expect } from "vitest";
import { getDb } from "@/lib/db";
import { userActor, type Actor } from "@/lib/auth/actor";
import type { AppRegistrationInput } from "@/lib/apps/schemas";
import { browseAppRegistrations } from "@/lib/consent/queries";
import type { BrowseTab } from "@/lib/consent/visibility";
import { createGroup, createGroupWithMembers, createUser, uniqueSuffix } from "./factories";
import { createPlatformGroupWithAdmin, createTestApp } from "./app-factories";

// Builders for Browse App Registrations / Add Consent tests: a small world of
// organizations, groups (each with an admin, a member and a viewer) and apps,
// all named with one unique tag so a search for it finds only this world.

type UserRef = { id: string; isPlatformAdmin: boolean };
export const asUser = (user: UserRef): Actor => userActor(user);

export const refusal = (code: string, fields?: Record<string, unknown>) =>
  expect.objectContaining({ name: "AppError", code, ...(fields ? { fields: expect.objectContaining(fields) } : {}) });

export type GroupRef = { id: string; slug: string; organizationId: string };
export type SeededGroup = { group: GroupRef; admin: UserRef; member: UserRef; viewer: UserRef };

export async function addMembers(group: GroupRef): Promise<SeededGroup> {
  const [admin, member, viewer] = await Promise.all([
    createUser([[group.id, "ADMIN"]]),
    createUser([[group.id, "MEMBER"]]),
    createUser([[group.id, "VIEWER"]]),
  ]);
  return { group, admin, member, viewer };
}

export type SeededApp = { id: string; clientId: string; name: string };

export async function registerApp(actor: Actor, groupSlug: string, overrides: Partial<AppRegistrationInput> = {}): Promise<SeededApp> {
  const { app } = await createTestApp(actor, groupSlug, { clientType: "PUBLIC", ...overrides });
  return { id: app.id, clientId: app.clientId, name: app.name };
}

// Organization A (groups A1, A2), organization B (group B1), and a group P of
// a platform organization, with A1/A2/B1 Group and Organization apps and P's
// Global app, every name containing `tag`.
export async function createConsentWorld() {
  const tag = `w${uniqueSuffix()}`;
  const seededA1 = await createGroupWithMembers();
  const a1: SeededGroup = seededA1;
  const a2 = await addMembers(await createGroup(seededA1.organization.id, "A2"));
  const seededB1 = await createGroupWithMembers();
  const b1: SeededGroup = seededB1;
  const platform = await createPlatformGroupWithAdmin();
  const p = { ...(await addMembers(platform.group)), admin: platform.platformAdmin };

  const named = (label: string) => `Matrix ${tag} ${label}`;
  const apps = {
    a1Group: await registerApp(asUser(a1.admin), a1.group.slug, { name: named("A1 Group"), availability: "GROUP" }),
    a1Org: await registerApp(asUser(a1.admin), a1.group.slug, { name: named("A1 Org"), availability: "ORGANIZATION" }),
    a2Group: await registerApp(asUser(a2.admin), a2.group.slug, { name: named("A2 Group"), availability: "GROUP" }),
    b1Group: await registerApp(asUser(b1.admin), b1.group.slug, { name: named("B1 Group"), availability: "GROUP" }),
    b1Org: await registerApp(asUser(b1.admin), b1.group.slug, { name: named("B1 Org"), availability: "ORGANIZATION" }),
    pGlobal: await registerApp(asUser(p.admin), p.group.slug, { name: named("P Global"), availability: "GLOBAL" }),
  };
  return {
    tag,
    organizations: { a: seededA1.organization, b: seededB1.organization, platform: platform.organization },
    groups: { a1, a2, b1, p },
    outsider: seededA1.outsider,
    apps,
  };
}

export type ConsentWorld = Awaited<ReturnType<typeof createConsentWorld>>;

// The names an actor sees on one tab, restricted by a search for `q`.
export async function browseNames(actor: Actor, groupSlug: string, tab: BrowseTab, q: string) {
  const page = await browseAppRegistrations(actor, groupSlug, { tab, q });
  return page.entries.map((entry) => entry.name);
}

export async function browseEntry(actor: Actor, groupSlug: string, tab: BrowseTab, app: SeededApp) {
  const page = await browseAppRegistrations(actor, groupSlug, { tab, q: app.name });
  return page.entries.find((entry) => entry.clientId === app.clientId);
}

export const setAppStatus = (appId: string, status: "ACTIVE" | "SUSPENDED") =>
  getDb().app.update({ where: { id: appId }, data: { status } });

export const liveInstallations = (appId: string, groupId: string) =>
  getDb().installation.findMany({ where: { appId, groupId, status: "INSTALLED" } });

export const auditEventsFor = (installationId: string) =>
  getDb().auditEvent.findMany({ where: { targetType: "installation", targetId: installationId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
