// Seeds a temporary database with 100,000 app registrations for the Browse
// App Registrations benchmark. Organizations, groups and users go through
// Prisma; a few reference apps and the browsing group's installations go
// through the real data layer (createApp, addConsent); the bulk of the apps
// is inserted with better-sqlite3 prepared statements in one transaction,
// each row built from a registration that passes createApp's own schema and
// stored in the column formats Prisma's SQLite adapter writes (checked
// against a createApp row before the benchmark runs).
//
// Deterministic: the same seed gives the same names, sizes and search hits.
// Audit events for the bulk apps are not written (the panel never reads them).
import Database from "better-sqlite3";
import { createHash, randomBytes } from "node:crypto";
import type { AppRegistrationInput } from "../../lib/apps/schemas";

export const SEED_CONFIG = {
  totalApps: 100_000,
  organizations: 200,
  groupsPerOrganization: 5,
  platformGroups: 2,
  // Shares of the apps not placed explicitly below.
  globalShare: 0.05,
  organizationShare: 0.25,
  // The browsing group (first group of the first organization): its own
  // Group apps, and its organization's shared apps (the Organization tab).
  browsingGroupApps: 250,
  browsingOrganizationApps: 400,
  // Global and Organization apps an operator has suspended (hidden from both tabs).
  suspendedShare: 0.01,
  installedInBrowsingGroup: { global: 12, organization: 6, group: 4 },
};

export const SEARCH_HIT = "Timesheet"; // one product noun of 24: ~4% of names
export const SEARCH_MISS = "qzxv no such app";

const BRANDS = ["Acme", "Blue", "Bright", "Cloud", "Data", "Echo", "Flux", "Green", "Hyper", "Iron", "Jet", "Kite", "Lumen", "Meta", "Nova", "Orbit", "Pixel", "Quant", "Rapid", "Silver", "Terra", "Ultra", "Vector", "Wave", "Zen"];
const BRAND_ENDINGS = ["", "ly", "io", "hub", "ware", "labs"];
const PRODUCTS = ["Timesheets", "Dashboard", "Planner", "Notes", "Tracker", "Reports", "Calendar", "Inbox", "Backup", "Deploy", "Metrics", "Forms", "Surveys", "Invoices", "Chat", "Wiki", "Roadmap", "Alerts", "Scheduler", "Analytics", "Docs", "Tasks", "Billing", "Insights"];
const EDITIONS = ["", "", "", "", "Pro", "Lite", "for Teams", "Connector", "Bot", "2", "Enterprise"];
const OPTIONAL_SCOPES = ["profile", "email", "offline_access", "group:read", "projects:read", "projects:write", "work_items:read", "work_items:write"] as const;

// mulberry32: small, fast, seedable.
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

// Prisma's @default(cuid()) shape: "c", time, counter, fingerprint, random (25 chars).
let cuidCounter = 0;
const cuidFingerprint = randomBytes(4).readUInt32BE(0).toString(36).padStart(4, "0").slice(-4);
function cuid(): string {
  cuidCounter = (cuidCounter + 1) % 36 ** 4;
  const random = randomBytes(6).readUIntBE(0, 6).toString(36).padStart(8, "0").slice(-8);
  return `c${Date.now().toString(36)}${cuidCounter.toString(36).padStart(4, "0")}${cuidFingerprint}${random}`;
}

// How @prisma/adapter-better-sqlite3 stores a DateTime (its default iso8601 format).
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

const slugify = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function registration(rng: Rng, availability: AppRegistrationInput["availability"], index: number): AppRegistrationInput {
  const brand = rng.pick(BRANDS) + rng.pick(BRAND_ENDINGS);
  const product = rng.pick(PRODUCTS);
  const edition = rng.pick(EDITIONS);
  const name = [brand, product, edition].filter(Boolean).join(" ");
  const host = `${slugify(brand)}-${slugify(product)}-${index.toString(36)}.example.com`;
  const redirectUris = [{ uri: `https://${host}/oauth/callback` }];
  if (rng.chance(0.3)) redirectUris.push({ uri: `http://localhost:${3000 + rng.int(6000)}/callback` });
  const scopes = OPTIONAL_SCOPES.filter(() => rng.chance(0.45));
  const url = (p: number, path: string) => (rng.chance(p) ? `https://${host}${path}` : "");
  return {
    name,
    description: rng.chance(0.8) ? `${product} for your group, by ${brand}. Connects to Tessera with your own permissions.` : "",
    logoUrl: url(0.5, "/logo.png"),
    homepageUrl: url(0.7, "/"),
    clientType: rng.chance(0.7) ? "CONFIDENTIAL" : "PUBLIC",
    redirectUris,
    scopes: ["openid", ...scopes],
    availability,
    setupUrl: url(0.2, "/install"),
    webhookUrl: url(0.1, "/hooks/tessera"),
    contactEmail: `dev@${host}`,
    privacyPolicyUrl: url(0.3, "/privacy"),
    termsUrl: url(0.3, "/terms"),
    publisherName: availability === "GLOBAL" || rng.chance(0.4) ? `${brand} Inc.` : "",
    publisherUrl: url(0.3, "/about"),
    isMentionable: rng.chance(0.1),
  };
}

type Owner = { groupId: string; organizationId: string; createdById: string };
type Planned = { owner: Owner; availability: AppRegistrationInput["availability"] };

export type SeededWorld = {
  browsingGroupSlug: string;
  browsingAdminId: string;
  counts: { organizations: number; groups: number; users: number; apps: Record<"GROUP" | "ORGANIZATION" | "GLOBAL", number>; suspended: number; secrets: number; installations: number };
  expected: { groupTab: number; organizationTab: number; globalTab: number };
};

export async function seedBrowseWorld(file: string, log: (line: string) => void): Promise<SeededWorld> {
  const { getDb } = await import("../../lib/db");
  const { hashPassword } = await import("../../lib/auth/password");
  const { userActor } = await import("../../lib/auth/actor");
  const { createApp } = await import("../../lib/apps/mutations");
  const { addConsent } = await import("../../lib/consent/mutations");
  const { appRegistrationSchema } = await import("../../lib/apps/schemas");
  const db = getDb();
  const rng = prng(20261122);
  const cfg = SEED_CONFIG;
  const passwordHash = await hashPassword("bench-password");

  // Organizations, groups, and one admin per group (who registers its apps).
  const orgRows = [
    { id: cuid(), slug: "bench-platform", name: "Bench Platform", isPlatform: true },
    ...Array.from({ length: cfg.organizations }, (_, i) => ({ id: cuid(), slug: `bench-org-${i}`, name: `Organization ${i}`, isPlatform: false })),
  ];
  const groupRows = orgRows.flatMap((org, o) =>
    Array.from({ length: org.isPlatform ? cfg.platformGroups : cfg.groupsPerOrganization }, (_, g) => ({
      id: cuid(),
      slug: o === 1 && g === 0 ? "bench-browse" : `${org.slug}-g${g}`,
      name: `${org.name} / Group ${g}`,
      organizationId: org.id,
    })),
  );
  const userRows = groupRows.map((group) => ({
    id: cuid(),
    email: `admin@${group.slug}.bench.test`,
    name: `Admin of ${group.name}`,
    passwordHash,
    isPlatformAdmin: group.organizationId === orgRows[0].id,
  }));
  await db.organization.createMany({ data: orgRows });
  await db.group.createMany({ data: groupRows });
  await db.user.createMany({ data: userRows });
  await db.membership.createMany({ data: groupRows.map((group, i) => ({ userId: userRows[i].id, groupId: group.id, role: "ADMIN" as const })) });

  const owners: Owner[] = groupRows.map((group, i) => ({ groupId: group.id, organizationId: group.organizationId, createdById: userRows[i].id }));
  const platformOwners = owners.filter((owner) => owner.organizationId === orgRows[0].id);
  const browsingIndex = groupRows.findIndex((group) => group.slug === "bench-browse");
  const browsing = owners[browsingIndex];
  const browsingOrgOwners = owners.filter((owner) => owner.organizationId === browsing.organizationId);
  const otherOwners = owners.filter((owner) => owner.organizationId !== orgRows[0].id && owner.organizationId !== browsing.organizationId);

  // Which group owns each app, and its availability, in random order (rows
  // of every kind interleave in the table, as they do when registered over time).
  const references = 3; // one of each availability, registered through createApp below
  const globalTotal = Math.round(cfg.totalApps * cfg.globalShare);
  const organizationTotal = Math.round(cfg.totalApps * cfg.organizationShare);
  const groupOwners = [...otherOwners, ...browsingOrgOwners.filter((owner) => owner !== browsing)];
  const plan: Planned[] = [
    ...Array.from({ length: cfg.browsingGroupApps - 1 }, () => ({ owner: browsing, availability: "GROUP" as const })),
    ...Array.from({ length: cfg.browsingOrganizationApps - 1 }, () => ({ owner: rng.pick(browsingOrgOwners), availability: "ORGANIZATION" as const })),
    ...Array.from({ length: organizationTotal - cfg.browsingOrganizationApps }, () => ({ owner: rng.pick(otherOwners), availability: "ORGANIZATION" as const })),
    ...Array.from({ length: globalTotal - 1 }, () => ({ owner: rng.pick(platformOwners), availability: "GLOBAL" as const })),
  ];
  const groupCount = cfg.totalApps - references - plan.length;
  if (groupCount < 0) throw new Error("seed config does not add up");
  for (let i = 0; i < groupCount; i++) plan.push({ owner: rng.pick(groupOwners), availability: "GROUP" });
  for (let i = plan.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [plan[i], plan[j]] = [plan[j], plan[i]];
  }

  // The bulk insert, on its own connection, in one transaction.
  const sqlite = new Database(file);
  sqlite.pragma("foreign_keys = ON");
  const insertApp = sqlite.prepare(`INSERT INTO "App" ("id", "clientId", "name", "description", "logoUrl", "homepageUrl", "clientType", "availability", "status",
    "ownerGroupId", "organizationId", "redirectUris", "scopes", "setupUrl", "webhookUrl", "contactEmail", "privacyPolicyUrl", "termsUrl", "publisherName",
    "publisherUrl", "isMentionable", "searchName", "createdById", "createdAt", "updatedAt")
    VALUES (@id, @clientId, @name, @description, @logoUrl, @homepageUrl, @clientType, @availability, @status, @ownerGroupId, @organizationId, @redirectUris,
    @scopes, @setupUrl, @webhookUrl, @contactEmail, @privacyPolicyUrl, @termsUrl, @publisherName, @publisherUrl, @isMentionable, @searchName, @createdById,
    @createdAt, @updatedAt)`);
  const insertSecret = sqlite.prepare(`INSERT INTO "AppSecret" ("id", "appId", "hash", "hint", "createdAt", "createdById") VALUES (?, ?, ?, ?, ?, ?)`);
  const now = Date.now();
  let suspended = 0;
  let secrets = 0;
  const bulkIds: string[] = [];
  sqlite.transaction(() => {
    plan.forEach(({ owner, availability }, index) => {
      // Exactly what createApp stores: the schema's output, redirect URIs as
      // strings, the lower-cased name, the owner's organization copied.
      const input = appRegistrationSchema.parse(registration(rng, availability, index));
      const createdAt = new Date(now - rng.int(730 * 86_400_000));
      const isSuspended = availability !== "GROUP" && rng.chance(cfg.suspendedShare);
      if (isSuspended) suspended += 1;
      const id = cuid();
      bulkIds.push(id);
      insertApp.run({
        id,
        clientId: randomBytes(16).toString("hex"),
        name: input.name,
        description: input.description,
        logoUrl: input.logoUrl,
        homepageUrl: input.homepageUrl,
        clientType: input.clientType,
        availability: input.availability,
        status: isSuspended ? "SUSPENDED" : "ACTIVE",
        ownerGroupId: owner.groupId,
        organizationId: owner.organizationId,
        redirectUris: JSON.stringify(input.redirectUris.map((item) => item.uri)),
        scopes: JSON.stringify(input.scopes),
        setupUrl: input.setupUrl,
        webhookUrl: input.webhookUrl,
        contactEmail: input.contactEmail,
        privacyPolicyUrl: input.privacyPolicyUrl,
        termsUrl: input.termsUrl,
        publisherName: input.publisherName,
        publisherUrl: input.publisherUrl,
        isMentionable: input.isMentionable ? 1 : 0,
        searchName: input.name.toLowerCase(),
        createdById: owner.createdById,
        createdAt: sqliteDate(createdAt),
        updatedAt: sqliteDate(new Date(createdAt.getTime() + rng.int(30 * 86_400_000))),
      });
      if (input.clientType === "CONFIDENTIAL") {
        const secret = `tsk_${randomBytes(32).toString("base64url")}`;
        insertSecret.run(cuid(), id, createHash("sha256").update(secret).digest("hex"), secret.slice(-4), sqliteDate(createdAt), owner.createdById);
        secrets += 1;
      }
    });
  })();
  sqlite.close();
  log(`bulk-inserted ${plan.length.toLocaleString("en-US")} apps and ${secrets.toLocaleString("en-US")} client secrets`);

  // Reference apps through the real data layer, one per availability.
  const platformAdmin = { id: userRows[owners.indexOf(platformOwners[0])].id, isPlatformAdmin: true };
  const browsingAdmin = { id: userRows[browsingIndex].id, isPlatformAdmin: false };
  const platformSlug = groupRows[owners.indexOf(platformOwners[0])].slug;
  const created = [
    await createApp(userActor(browsingAdmin), "bench-browse", registration(rng, "GROUP", plan.length)),
    await createApp(userActor(browsingAdmin), "bench-browse", registration(rng, "ORGANIZATION", plan.length + 1)),
    await createApp(userActor(platformAdmin), platformSlug, registration(rng, "GLOBAL", plan.length + 2)),
  ];
  await assertSameStorage(file, created[2].app.id, bulkIds);

  // Add Consent in the browsing group: some apps of each tab's first pages.
  const installable = async (where: object, take: number) =>
    db.app.findMany({ where: { ...where, status: "ACTIVE" }, orderBy: [{ name: "asc" }, { id: "asc" }], take: take * 3, select: { clientId: true } });
  const toInstall = [
    ...(await installable({ availability: "GLOBAL" }, cfg.installedInBrowsingGroup.global)).filter((_, i) => i % 3 === 0),
    ...(await installable({ availability: "ORGANIZATION", organizationId: browsing.organizationId }, cfg.installedInBrowsingGroup.organization)).filter((_, i) => i % 3 === 0),
    ...(await installable({ ownerGroupId: browsing.groupId }, cfg.installedInBrowsingGroup.group)).filter((_, i) => i % 3 === 0),
  ];
  for (const app of toInstall) await addConsent(userActor(browsingAdmin), "bench-browse", { clientId: app.clientId });

  const byAvailability = await db.app.groupBy({ by: ["availability"], _count: true });
  const apps = { GROUP: 0, ORGANIZATION: 0, GLOBAL: 0 };
  for (const row of byAvailability) apps[row.availability] = row._count;
  return {
    browsingGroupSlug: "bench-browse",
    browsingAdminId: browsingAdmin.id,
    counts: {
      organizations: orgRows.length,
      groups: groupRows.length,
      users: userRows.length,
      apps,
      suspended,
      secrets: secrets + created.filter((row) => row.clientSecret).length,
      installations: toInstall.length,
    },
    expected: {
      groupTab: await db.app.count({ where: { ownerGroupId: browsing.groupId } }),
      organizationTab: await db.app.count({ where: { availability: "ORGANIZATION", organizationId: browsing.organizationId, status: "ACTIVE" } }),
      globalTab: await db.app.count({ where: { availability: "GLOBAL", status: "ACTIVE" } }),
    },
  };
}

// The bulk rows must be stored exactly like createApp's: same SQLite storage
// class per column, same date text format, JSON that parses to string arrays.
async function assertSameStorage(file: string, referenceId: string, bulkIds: string[]): Promise<void> {
  const sqlite = new Database(file, { readonly: true });
  try {
    const reference = sqlite.prepare(`SELECT * FROM "App" WHERE "id" = ?`).get(referenceId) as Record<string, unknown>;
    const sample = bulkIds.filter((_, i) => i % 997 === 0);
    const rows = sample.map((id) => sqlite.prepare(`SELECT * FROM "App" WHERE "id" = ?`).get(id) as Record<string, unknown>);
    const dateText = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        const expected = reference[column];
        if (value === null || expected === null) continue;
        if (typeof value !== typeof expected) throw new Error(`bulk App.${column} is ${typeof value}, createApp writes ${typeof expected}`);
        if (dateText.test(String(expected)) && !dateText.test(String(value))) throw new Error(`bulk App.${column} "${value}" is not in createApp's date format "${expected}"`);
      }
      for (const column of ["redirectUris", "scopes"]) {
        const list = JSON.parse(String(row[column]));
        if (!Array.isArray(list) || list.some((item) => typeof item !== "string")) throw new Error(`bulk App.${column} is not a JSON string array`);
      }
      if (!/^c[a-z0-9]{24}$/.test(String(row.id)) || !/^c[a-z0-9]{24}$/.test(String(reference.id))) throw new Error(`App.id ${row.id} / ${reference.id} is not cuid-shaped`);
    }
  } finally {
    sqlite.close();
  }
}
