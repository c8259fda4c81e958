import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { systemActor, userActor } from "@/lib/auth/actor";
import { createGroupWithMembers } from "@/lib/testing/factories";
import { createTestApp, validRegistration } from "@/lib/testing/app-factories";
import { createApp, deleteApp, updateApp } from "./mutations";
import { hashClientSecret, secretMatches } from "./secrets";

const refusal = (code: string, fields?: Record<string, string>) =>
  expect.objectContaining({ name: "AppError", code, ...(fields ? { fields: expect.objectContaining(fields) } : {}) });

async function adminWithApp(overrides: Parameters<typeof validRegistration>[0] = {}) {
  const seeded = await createGroupWithMembers();
  const actor = userActor({ id: seeded.admin.id, isPlatformAdmin: false });
  const created = await createTestApp(actor, seeded.group.slug, overrides);
  return { ...seeded, actor, created };
}

const auditFor = (appId: string) => getDb().auditEvent.findMany({ where: { targetType: "app", targetId: appId }, orderBy: [{ at: "asc" }, { id: "asc" }] });

describe("registering an app", () => {
  it("gives a confidential app a strong tsk_ secret, once, and stores only its hash and hint", async () => {
    const { created, admin } = await adminWithApp({ name: "Timesheets" });
    const secret = created.clientSecret!;
    expect(secret).toMatch(/^tsk_[A-Za-z0-9_-]{43,}$/);
    expect(Buffer.from(secret.slice(4), "base64url").length).toBeGreaterThanOrEqual(32);
    expect(created.app).toMatchObject({ name: "Timesheets", clientType: "CONFIDENTIAL", availability: "GROUP", status: "ACTIVE" });
    expect(created.app.clientId).toMatch(/^[0-9a-f]{32}$/);

    const app = await getDb().app.findUniqueOrThrow({ where: { clientId: created.app.clientId } });
    const rows = await getDb().appSecret.findMany({ where: { appId: app.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ hash: hashClientSecret(secret), hint: secret.slice(-4), createdById: admin.id, revokedAt: null, expiresAt: null });
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify([app, rows])).not.toContain(secret);
    expect(JSON.stringify([app, rows])).not.toContain(secret.slice(4));

    expect(secretMatches(secret, rows[0].hash)).toBe(true);
    const tampered = secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A");
    expect(secretMatches(tampered, rows[0].hash)).toBe(false);
    expect(secretMatches(secret, "not-hex")).toBe(false);
  });

  it("gives each app its own client ID and secret", async () => {
    const { created, actor, group } = await adminWithApp();
    const other = await createTestApp(actor, group.slug);
    expect(other.app.clientId).not.toBe(created.app.clientId);
    expect(other.clientSecret).not.toBe(created.clientSecret);
  });

  it("gives a public app no secret at all", async () => {
    const { created } = await adminWithApp({ clientType: "PUBLIC" });
    expect(created.clientSecret).toBeNull();
    expect(created.app.clientType).toBe("PUBLIC");
    expect(await getDb().appSecret.count({ where: { appId: created.app.id } })).toBe(0);
  });

  it("stores the normalized settings", async () => {
    const { created } = await adminWithApp({
      scopes: ["email", "openid"],
      redirectUris: [{ uri: " https://app.example.com/cb " }, { uri: "http://localhost:3000/cb" }],
      homepageUrl: "https://app.example.com",
    });
    const app = await getDb().app.findUniqueOrThrow({ where: { id: created.app.id } });
    expect(app.redirectUris).toEqual(["https://app.example.com/cb", "http://localhost:3000/cb"]);
    expect(app.scopes).toEqual(["openid", "email"]);
    expect(app).toMatchObject({ homepageUrl: "https://app.example.com", logoUrl: null, termsUrl: null });
  });

  it("records app.created for the group", async () => {
    const { created, group, admin } = await adminWithApp();
    const events = await auditFor(created.app.id);
    expect(events).toEqual([
      expect.objectContaining({ action: "app.created", groupId: group.id, actorUserId: admin.id, details: { name: created.app.name, clientId: created.app.clientId } }),
    ]);
    expect(JSON.stringify(events)).not.toContain(created.clientSecret!);
  });

  it("records the CLI as the actor when the system registers an app", async () => {
    const { group } = await createGroupWithMembers();
    const { app } = await createTestApp(systemActor("cli"), group.slug);
    const [event] = await auditFor(app.id);
    expect(event).toMatchObject({ action: "app.created", actorUserId: null, actorLabel: "cli", groupId: group.id });
  });

  it("writes nothing when the input is invalid", async () => {
    const { group, admin } = await createGroupWithMembers();
    const actor = userActor({ id: admin.id, isPlatformAdmin: false });
    // Counted in this group only: other test files share the database.
    const counts = () =>
      Promise.all([
        getDb().app.count({ where: { ownerGroupId: group.id } }),
        getDb().appSecret.count({ where: { app: { ownerGroupId: group.id } } }),
        getDb().auditEvent.count({ where: { groupId: group.id } }),
      ]);
    await createTestApp(actor, group.slug);
    const before = await counts();
    expect(before).toEqual([1, 1, 1]);
    const bad = validRegistration({ name: "", redirectUris: [{ uri: "http://evil.example.com/cb" }] });
    await expect(createApp(actor, group.slug, bad)).rejects.toEqual(
      refusal("VALIDATION", { name: "Give the app a name", "redirectUris.0.uri": expect.stringContaining("Use https://") }),
    );
    await expect(createApp(actor, group.slug, { name: "No other fields" })).rejects.toEqual(refusal("VALIDATION"));
    expect(await counts()).toEqual(before);
  });
});

describe("editing an app", () => {
  it("changes its settings and records which fields changed", async () => {
    const { created, actor, group } = await adminWithApp();
    const input = validRegistration({
      name: "Timesheets Pro",
      scopes: ["openid", "profile", "projects:read"],
      redirectUris: [{ uri: "https://app.example.com/callback" }, { uri: "https://app.example.com/other" }],
      clientType: "PUBLIC",
    });
    const updated = await updateApp(actor, created.app.clientId, input, group.slug);
    expect(updated).toMatchObject({ name: "Timesheets Pro", scopes: ["openid", "profile", "projects:read"], clientType: "CONFIDENTIAL" });
    expect(updated.redirectUris).toEqual(["https://app.example.com/callback", "https://app.example.com/other"]);

    const row = await getDb().app.findUniqueOrThrow({ where: { id: created.app.id } });
    expect(row).toMatchObject({ name: "Timesheets Pro", clientType: "CONFIDENTIAL" });
    const events = await auditFor(created.app.id);
    expect(events.map((e) => e.action)).toEqual(["app.created", "app.updated"]);
    expect(events[1]).toMatchObject({ groupId: group.id, details: { changed: expect.arrayContaining(["name", "redirectUris", "scopes"]) } });
    expect((events[1].details as { changed: string[] }).changed).toHaveLength(3);
  });

  it("records nothing when nothing changed", async () => {
    const { created, actor, group } = await adminWithApp({ name: "Unchanged", scopes: ["profile", "openid"] });
    await updateApp(actor, created.app.clientId, validRegistration({ name: " Unchanged ", scopes: ["openid", "profile"] }), group.slug);
    expect((await auditFor(created.app.id)).map((e) => e.action)).toEqual(["app.created"]);
  });

  it("refuses invalid settings and keeps the old ones", async () => {
    const { created, actor, group } = await adminWithApp({ name: "Keep me" });
    const bad = validRegistration({ name: "Changed", contactEmail: "nope" });
    await expect(updateApp(actor, created.app.clientId, bad, group.slug)).rejects.toEqual(refusal("VALIDATION", { contactEmail: "Enter a valid email address" }));
    expect(await getDb().app.findUniqueOrThrow({ where: { id: created.app.id } })).toMatchObject({ name: "Keep me" });
  });
});

describe("deleting an app", () => {
  it("refuses a wrong confirmation name and deletes nothing", async () => {
    const { created, actor, group } = await adminWithApp({ name: "Payroll" });
    await expect(deleteApp(actor, created.app.clientId, { confirmName: "payroll" }, group.slug)).rejects.toEqual(
      refusal("VALIDATION", { confirmName: "Type the app's name exactly to confirm" }),
    );
    await expect(deleteApp(actor, created.app.clientId, {}, group.slug)).rejects.toEqual(refusal("VALIDATION", { confirmName: expect.any(String) }));
    expect(await getDb().app.count({ where: { id: created.app.id } })).toBe(1);
    expect(await getDb().appSecret.count({ where: { appId: created.app.id } })).toBe(1);
  });

  it("deletes the app and its secrets, and keeps an app.deleted event for the group", async () => {
    const { created, actor, group, admin } = await adminWithApp({ name: "Payroll" });
    await deleteApp(actor, created.app.clientId, { confirmName: " Payroll " }, group.slug);
    expect(await getDb().app.count({ where: { id: created.app.id } })).toBe(0);
    expect(await getDb().appSecret.count({ where: { appId: created.app.id } })).toBe(0);
    const events = await auditFor(created.app.id);
    expect(events.map((e) => e.action)).toEqual(["app.created", "app.deleted"]);
    expect(events[1]).toMatchObject({ groupId: group.id, actorUserId: admin.id, details: { name: "Payroll", clientId: created.app.clientId } });
    await expect(deleteApp(actor, created.app.clientId, { confirmName: "Payroll" }, group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
  });
});
