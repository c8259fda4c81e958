import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { systemActor, userActor } from "@/lib/auth/actor";
import { createGroup, createGroupWithMembers, createUser } from "@/lib/testing/factories";
import { createTestApp, validRegistration } from "@/lib/testing/app-factories";
import { updateApp } from "./mutations";
import { getAppDetails, listAppAudit, listGroupApps } from "./queries";
import { generateAppSecret, revokeAppSecret } from "./secret-mutations";

const refusal = (code: string) => expect.objectContaining({ name: "AppError", code });

// Every key of an object graph, however deep (Dates and other leaves skipped).
function allKeys(value: unknown, keys: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => allKeys(item, keys));
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, child] of Object.entries(value)) {
      keys.push(key);
      allKeys(child, keys);
    }
  }
  return keys;
}

describe("listing a group's apps", () => {
  it("lists only the group's own apps, by name, to every member", async () => {
    const { organization, group, admin, member, viewer } = await createGroupWithMembers();
    const other = await createGroup(organization.id, "Neighbours");
    const otherAdmin = await createUser([[other.id, "ADMIN"]]);
    await createTestApp(userActor(admin), group.slug, { name: "Zeta" });
    await createTestApp(userActor(admin), group.slug, { name: "Alpha", clientType: "PUBLIC" });
    await createTestApp(userActor(otherAdmin), other.slug, { name: "Beta", availability: "ORGANIZATION" });

    for (const user of [admin, member, viewer]) {
      const apps = await listGroupApps(userActor(user), group.slug);
      expect(apps.map((app) => app.name)).toEqual(["Alpha", "Zeta"]);
    }
    expect((await listGroupApps(systemActor(), group.slug)).map((app) => app.name)).toEqual(["Alpha", "Zeta"]);
    expect((await listGroupApps(userActor(otherAdmin), other.slug)).map((app) => app.name)).toEqual(["Beta"]);
  });

  it("shows app views without secrets or hashes", async () => {
    const { group, admin, viewer } = await createGroupWithMembers();
    const { clientSecret } = await createTestApp(userActor(admin), group.slug);
    const apps = await listGroupApps(userActor(viewer), group.slug);
    expect(apps).toHaveLength(1);
    expect(allKeys(apps)).not.toContain("hash");
    expect(JSON.stringify(apps)).not.toContain(clientSecret!);
  });

  it("answers NOT_FOUND to a non-member, and for an unknown group", async () => {
    const { group, admin, outsider } = await createGroupWithMembers();
    await createTestApp(userActor(admin), group.slug);
    await expect(listGroupApps(userActor(outsider), group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(listGroupApps(userActor(admin), "no-such-group")).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(listGroupApps(systemActor(), "no-such-group")).rejects.toEqual(refusal("NOT_FOUND"));
  });
});

describe("an app's details", () => {
  it("shows settings, owner and secrets, newest first, never a hash", async () => {
    const { organization, group, admin } = await createGroupWithMembers();
    const actor = userActor(admin);
    const { app, clientSecret } = await createTestApp(actor, group.slug, { name: "Detailed" });
    const { secret: second } = await generateAppSecret(actor, app.clientId, { expiresIn: "90" }, group.slug);

    const details = await getAppDetails(actor, app.clientId, group.slug);
    expect(details.app).toEqual(app);
    expect(details.ownerGroup).toEqual({
      id: group.id,
      slug: group.slug,
      name: group.name,
      organization: { slug: organization.slug, name: organization.name, isPlatform: false },
    });
    expect(details.secrets.map((s) => s.hint)).toEqual([second.slice(-4), clientSecret!.slice(-4)]);
    expect(details.secrets.every((s) => s.live)).toBe(true);
    expect(allKeys(details)).not.toContain("hash");
    const text = JSON.stringify(details);
    for (const secret of [clientSecret!, second]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });

  it("is refused to members and viewers", async () => {
    const { group, admin, member, viewer } = await createGroupWithMembers();
    const { app } = await createTestApp(userActor(admin), group.slug);
    await expect(getAppDetails(userActor(member), app.clientId, group.slug)).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(getAppDetails(userActor(viewer), app.clientId, group.slug)).rejects.toEqual(refusal("FORBIDDEN"));
  });
});

describe("an app's audit trail", () => {
  it("lists the app's events, newest first, with who did them", async () => {
    const { group, admin } = await createGroupWithMembers();
    const actor = userActor(admin);
    const { app } = await createTestApp(actor, group.slug, { name: "Audited" });
    const { app: otherApp } = await createTestApp(actor, group.slug, { name: "Other" });
    await updateApp(actor, app.clientId, validRegistration({ name: "Audited v2" }), group.slug);
    const { view } = await generateAppSecret(systemActor("cli"), app.clientId, { expiresIn: "never" }, group.slug);
    const first = await getDb().appSecret.findFirstOrThrow({ where: { appId: app.id, NOT: { id: view.id } } });
    await revokeAppSecret(actor, app.clientId, first.id, group.slug);
    await updateApp(actor, otherApp.clientId, validRegistration({ name: "Other v2" }), group.slug);

    const entries = await listAppAudit(actor, app.clientId, group.slug);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ["app.secret_revoked", admin.name],
      ["app.secret_generated", "cli"],
      ["app.updated", admin.name],
      ["app.created", admin.name],
    ]);
    expect(entries[2].details).toEqual({ changed: ["name"] });
    const times = entries.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("is refused to members and hidden from outsiders", async () => {
    const { group, admin, member, outsider } = await createGroupWithMembers();
    const { app } = await createTestApp(userActor(admin), group.slug);
    await expect(listAppAudit(userActor(member), app.clientId, group.slug)).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(listAppAudit(userActor(outsider), app.clientId, group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
  });
});
