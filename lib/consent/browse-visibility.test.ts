import { beforeAll, describe, expect, it } from "vitest";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { createUser } from "@/lib/testing/factories";
import { asUser, browseNames, createConsentWorld, refusal, type ConsentWorld, type SeededApp } from "@/lib/testing/consent-factories";
import { browseAppRegistrations, listInstalledApps } from "./queries";
import type { BrowseTab } from "./visibility";

type AppKey = keyof ConsentWorld["apps"];
type GroupKey = keyof ConsentWorld["groups"];

// What each group sees of this world's apps, tab by tab (names sort in this order).
const EXPECTED: Record<GroupKey, Record<BrowseTab, AppKey[]>> = {
  a1: { group: ["a1Group", "a1Org"], organization: ["a1Org"], global: ["pGlobal"] },
  a2: { group: ["a2Group"], organization: ["a1Org"], global: ["pGlobal"] },
  b1: { group: ["b1Group", "b1Org"], organization: ["b1Org"], global: ["pGlobal"] },
  p: { group: ["pGlobal"], organization: [], global: ["pGlobal"] },
};

const TABS: BrowseTab[] = ["group", "organization", "global"];

let world: ConsentWorld;
beforeAll(async () => {
  world = await createConsentWorld();
});

const namesOf = (keys: AppKey[]) => keys.map((key) => (world.apps[key] as SeededApp).name);

async function expectMatrixRow(actor: Actor, groupKey: GroupKey) {
  const slug = world.groups[groupKey].group.slug;
  for (const tab of TABS) {
    expect(await browseNames(actor, slug, tab, world.tag), `${groupKey} / ${tab}`).toEqual(namesOf(EXPECTED[groupKey][tab]));
  }
}

describe("Browse App Registrations: who sees which registrations", () => {
  for (const groupKey of Object.keys(EXPECTED) as GroupKey[]) {
    for (const role of ["admin", "member", "viewer"] as const) {
      it(`shows ${groupKey}'s ${role} exactly its group's, organization's and global apps`, async () => {
        await expectMatrixRow(asUser(world.groups[groupKey][role]), groupKey);
      });
    }
  }

  it("shows the same to the system actor (the CLI)", async () => {
    for (const groupKey of Object.keys(EXPECTED) as GroupKey[]) await expectMatrixRow(systemActor(), groupKey);
  });

  it("never shows another group's Group app, nor another organization's apps, on any tab", async () => {
    const { apps, groups, tag } = world;
    for (const [groupKey, hidden] of [
      ["a1", [apps.a2Group, apps.b1Group, apps.b1Org]],
      ["a2", [apps.a1Group, apps.b1Group, apps.b1Org]],
      ["b1", [apps.a1Group, apps.a1Org, apps.a2Group]],
      ["p", [apps.a1Group, apps.a1Org, apps.a2Group, apps.b1Group, apps.b1Org]],
    ] as const) {
      const group = groups[groupKey];
      for (const tab of TABS) {
        const seen = await browseNames(asUser(group.admin), group.group.slug, tab, tag);
        for (const app of hidden) expect(seen, `${groupKey} / ${tab}`).not.toContain(app.name);
      }
    }
  });

  it("hides the group from an outsider, and from members of other groups, as NOT_FOUND", async () => {
    const { groups, outsider } = world;
    const slug = groups.a1.group.slug;
    const platformAdmin = asUser(await createUser([], { isPlatformAdmin: true }));
    for (const actor of [asUser(outsider), asUser(groups.b1.admin), asUser(groups.a2.admin), platformAdmin, asUser(groups.p.admin)]) {
      for (const tab of TABS) {
        await expect(browseAppRegistrations(actor, slug, { tab })).rejects.toEqual(refusal("NOT_FOUND"));
      }
      await expect(listInstalledApps(actor, slug)).rejects.toEqual(refusal("NOT_FOUND"));
    }
  });

  it("answers NOT_FOUND for an unknown group, to users and to the system actor", async () => {
    await expect(browseAppRegistrations(asUser(world.groups.a1.admin), "no-such-group", {})).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(browseAppRegistrations(systemActor(), "no-such-group", {})).rejects.toEqual(refusal("NOT_FOUND"));
  });

  it("defaults to the group tab, and reports the query it used", async () => {
    const { groups, tag, apps } = world;
    const page = await browseAppRegistrations(asUser(groups.a1.viewer), groups.a1.group.slug, { q: tag });
    expect(page.query).toEqual({ tab: "group", q: tag, page: 1 });
    expect(page.entries.map((entry) => entry.clientId)).toEqual([apps.a1Group.clientId, apps.a1Org.clientId]);
    expect(page).toMatchObject({ total: 2, pageCount: 1 });
  });

  it("describes each entry with its availability, status and scopes", async () => {
    const { groups, tag, apps } = world;
    const page = await browseAppRegistrations(asUser(groups.a2.member), groups.a2.group.slug, { tab: "organization", q: tag });
    expect(page.entries).toEqual([
      {
        clientId: apps.a1Org.clientId,
        name: apps.a1Org.name,
        description: "",
        logoUrl: null,
        publisher: world.organizations.a.name,
        verified: false,
        availability: "ORGANIZATION",
        status: "ACTIVE",
        scopes: ["openid", "profile"],
        setupUrl: null,
        installationId: null,
      },
    ]);
  });
});
