import { beforeAll, describe, expect, it } from "vitest";
import { createGroupWithMembers, uniqueSuffix } from "@/lib/testing/factories";
import { validRegistration } from "@/lib/testing/app-factories";
import { asUser, browseNames, registerApp } from "@/lib/testing/consent-factories";
import { updateApp } from "@/lib/apps/mutations";
import { browseAppRegistrations } from "./queries";
import { BROWSE_PAGE_SIZE, browseQuerySchema } from "./schemas";

describe("Browse search", () => {
  it("matches part of the name, whatever the case (ASCII and beyond)", async () => {
    const { group, admin } = await createGroupWithMembers();
    const tag = uniqueSuffix();
    const actor = asUser(admin);
    const timesheets = await registerApp(actor, group.slug, { name: `TimeSheets ${tag}` });
    const eclair = await registerApp(actor, group.slug, { name: `Éclair Ärger ${tag}` });
    await registerApp(actor, group.slug, { name: `Other ${tag}` });

    expect(await browseNames(actor, group.slug, "group", "timesheets")).toEqual([timesheets.name]);
    expect(await browseNames(actor, group.slug, "group", "EETS")).toEqual([timesheets.name]);
    expect(await browseNames(actor, group.slug, "group", "  sheets  ")).toEqual([timesheets.name]);
    expect(await browseNames(actor, group.slug, "group", "ÉCLAIR")).toEqual([eclair.name]);
    expect(await browseNames(actor, group.slug, "group", "ärGER")).toEqual([eclair.name]);
    expect(await browseNames(actor, group.slug, "group", "no such app")).toEqual([]);
    expect(await browseNames(actor, group.slug, "group", "")).toHaveLength(3);
    const none = await browseAppRegistrations(actor, group.slug, { q: "no such app" });
    expect(none).toMatchObject({ entries: [], total: 0, pageCount: 1 });
  });

  it("treats % and _ in the search as plain characters, not LIKE wildcards", async () => {
    const { group, admin } = await createGroupWithMembers();
    const actor = asUser(admin);
    const percent = await registerApp(actor, group.slug, { name: "Done 100% tracker" });
    const underscore = await registerApp(actor, group.slug, { name: "snake_case helper" });
    await registerApp(actor, group.slug, { name: "Plain app" });
    expect(await browseNames(actor, group.slug, "group", "%")).toEqual([percent.name]);
    expect(await browseNames(actor, group.slug, "group", "_")).toEqual([underscore.name]);
  });

  it("finds an app by its new name after a rename", async () => {
    const { group, admin } = await createGroupWithMembers();
    const actor = asUser(admin);
    const app = await registerApp(actor, group.slug, { name: "Before Rename" });
    await updateApp(actor, app.clientId, validRegistration({ name: "After Rename", clientType: "PUBLIC" }), group.slug);
    expect(await browseNames(actor, group.slug, "group", "after")).toEqual(["After Rename"]);
    expect(await browseNames(actor, group.slug, "group", "before")).toEqual([]);
  });
});

describe("Browse pagination", () => {
  let seeded: Awaited<ReturnType<typeof createGroupWithMembers>>;
  const names = Array.from({ length: 45 }, (_, i) => `Paged ${String(i).padStart(2, "0")}`);

  beforeAll(async () => {
    seeded = await createGroupWithMembers();
    // Registered out of order, so the listing's order is the database's.
    for (const name of [...names].reverse()) await registerApp(asUser(seeded.admin), seeded.group.slug, { name });
  });

  const page = (raw: unknown) => browseAppRegistrations(asUser(seeded.viewer), seeded.group.slug, raw);

  it("serves 20 entries a page, ordered by name, with the total and page count", async () => {
    expect(BROWSE_PAGE_SIZE).toBe(20);
    const [first, second, third] = await Promise.all([page({ page: 1 }), page({ page: "2" }), page({ page: 3 })]);
    for (const result of [first, second, third]) expect(result).toMatchObject({ total: 45, pageCount: 3 });
    expect(first.entries.map((entry) => entry.name)).toEqual(names.slice(0, 20));
    expect(second.entries.map((entry) => entry.name)).toEqual(names.slice(20, 40));
    expect(third.entries.map((entry) => entry.name)).toEqual(names.slice(40));
    expect(third.entries).toHaveLength(5);
    expect(second.query).toEqual({ tab: "group", q: "", page: 2 });
  });

  it("answers an empty page past the end, with the same total", async () => {
    expect(await page({ page: 4 })).toMatchObject({ entries: [], total: 45, pageCount: 3 });
  });

  it("counts and pages the search results, not the whole tab", async () => {
    const result = await page({ q: "PAGED 4" });
    expect(result.entries.map((entry) => entry.name)).toEqual(names.slice(40));
    expect(result).toMatchObject({ total: 5, pageCount: 1 });
  });

  it("falls back to the defaults for bad query values", async () => {
    const bad = await page({ tab: "nope", page: "-3" });
    expect(bad.query).toEqual({ tab: "group", q: "", page: 1 });
    expect(bad.entries.map((entry) => entry.name)).toEqual(names.slice(0, 20));
    expect((await page({ page: "abc" })).query.page).toBe(1);
    expect((await page({ page: "0" })).query.page).toBe(1);
    expect((await page({ page: "1.5" })).query.page).toBe(1);
    expect((await page({ tab: ["global"], q: 42 })).query).toEqual({ tab: "group", q: "", page: 1 });
    expect((await page(undefined)).query).toEqual({ tab: "group", q: "", page: 1 });
    expect((await page(null)).total).toBe(45);
  });
});

describe("browseQuerySchema", () => {
  it("accepts the three tabs and trims the search", () => {
    for (const tab of ["group", "organization", "global"]) expect(browseQuerySchema.parse({ tab }).tab).toBe(tab);
    expect(browseQuerySchema.parse({ q: "  time  " }).q).toBe("time");
    expect(browseQuerySchema.parse({ q: "x".repeat(101) }).q).toBe("");
  });
});
