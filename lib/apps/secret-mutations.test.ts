import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { userActor } from "@/lib/auth/actor";
import { createGroupWithMembers } from "@/lib/testing/factories";
import { createTestApp } from "@/lib/testing/app-factories";
import type { AppRegistrationInput } from "./schemas";
import { generateAppSecret, revokeAppSecret } from "./secret-mutations";
import { hashClientSecret, secretMatches } from "./secrets";

const refusal = (code: string, message?: string) =>
  expect.objectContaining({ name: "AppError", code, ...(message ? { message } : {}) });
const DAY_MS = 24 * 60 * 60 * 1000;

async function confidentialApp(overrides: Partial<AppRegistrationInput> = {}) {
  const seeded = await createGroupWithMembers();
  const actor = userActor(seeded.admin);
  const { app, clientSecret } = await createTestApp(actor, seeded.group.slug, overrides);
  const first = await getDb().appSecret.findFirst({ where: { appId: app.id } });
  const generate = (expiresIn = "never") => generateAppSecret(actor, app.clientId, { expiresIn }, seeded.group.slug);
  const revoke = (secretId: string) => revokeAppSecret(actor, app.clientId, secretId, seeded.group.slug);
  return { ...seeded, actor, app, clientSecret, firstId: first?.id ?? "", generate, revoke };
}

const secretActions = (appId: string) =>
  getDb()
    .auditEvent.findMany({ where: { targetType: "app", targetId: appId }, orderBy: [{ at: "asc" }, { id: "asc" }] })
    .then((events) => events.map((e) => e.action).filter((action) => action.startsWith("app.secret_")));

describe("client secrets", () => {
  it("generates a second live secret, shown once and stored as a hash", async () => {
    const { app, generate, clientSecret, group } = await confidentialApp();
    const { secret, view } = await generate();
    expect(secret).toMatch(/^tsk_[A-Za-z0-9_-]{43,}$/);
    expect(secret).not.toBe(clientSecret);
    expect(view).toEqual({ id: expect.any(String), hint: secret.slice(-4), createdAt: expect.any(Date), lastUsedAt: null, expiresAt: null, revokedAt: null, live: true });
    expect(view).not.toHaveProperty("hash");

    const row = await getDb().appSecret.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.hash).toBe(hashClientSecret(secret));
    expect(secretMatches(secret, row.hash)).toBe(true);
    expect(await getDb().appSecret.count({ where: { appId: app.id, revokedAt: null } })).toBe(2);

    const [event] = await getDb().auditEvent.findMany({ where: { targetId: app.id, action: "app.secret_generated" } });
    expect(event).toMatchObject({ groupId: group.id, details: { hint: secret.slice(-4), expiresAt: null } });
    expect(JSON.stringify(event)).not.toContain(secret);
  });

  it("refuses a third live secret", async () => {
    const { app, generate } = await confidentialApp();
    await generate();
    await expect(generate()).rejects.toEqual(refusal("CONFLICT", "An app can have at most 2 live secrets. Revoke one first."));
    expect(await getDb().appSecret.count({ where: { appId: app.id } })).toBe(2);
    expect(await secretActions(app.id)).toEqual(["app.secret_generated"]);
  });

  it("allows a new secret once one is revoked", async () => {
    const { app, generate, revoke, firstId } = await confidentialApp();
    await generate();
    const revoked = await revoke(firstId);
    expect(revoked).toMatchObject({ id: firstId, live: false, revokedAt: expect.any(Date) });
    await expect(generate()).resolves.toMatchObject({ view: { live: true } });
    expect(await getDb().appSecret.count({ where: { appId: app.id, revokedAt: null } })).toBe(2);
    expect(await secretActions(app.id)).toEqual(["app.secret_generated", "app.secret_revoked", "app.secret_generated"]);
  });

  it("refuses to revoke a confidential app's last live secret", async () => {
    const { app, revoke, firstId } = await confidentialApp();
    await expect(revoke(firstId)).rejects.toEqual(refusal("CONFLICT", "This is the app's only live secret. Generate a new one before revoking it."));
    expect(await getDb().appSecret.findUniqueOrThrow({ where: { id: firstId } })).toMatchObject({ revokedAt: null });
    expect(await secretActions(app.id)).toEqual([]);
  });

  it("refuses to revoke a secret twice", async () => {
    const { generate, revoke, firstId } = await confidentialApp();
    await generate();
    await revoke(firstId);
    await expect(revoke(firstId)).rejects.toEqual(refusal("CONFLICT", "This secret is already revoked"));
  });

  it("answers NOT_FOUND for another app's secret, and leaves it alone", async () => {
    const mine = await confidentialApp();
    const theirs = await confidentialApp();
    await theirs.generate();
    await expect(mine.revoke(theirs.firstId)).rejects.toEqual(refusal("NOT_FOUND", "Secret not found"));
    await expect(mine.revoke("no-such-secret")).rejects.toEqual(refusal("NOT_FOUND"));
    expect(await getDb().appSecret.findUniqueOrThrow({ where: { id: theirs.firstId } })).toMatchObject({ revokedAt: null });
  });

  it("sets an expiry date from the chosen lifetime", async () => {
    const { app, generate } = await confidentialApp();
    const before = Date.now();
    const { view } = await generate("30");
    const after = Date.now();
    expect(view.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 30 * DAY_MS);
    expect(view.expiresAt!.getTime()).toBeLessThanOrEqual(after + 30 * DAY_MS);
    const row = await getDb().appSecret.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.expiresAt).toEqual(view.expiresAt);
    const [event] = await getDb().auditEvent.findMany({ where: { targetId: app.id, action: "app.secret_generated" } });
    expect(event.details).toEqual({ hint: view.hint, expiresAt: view.expiresAt!.toISOString() });
  });

  it("refuses an unknown lifetime", async () => {
    const { generate } = await confidentialApp();
    await expect(generate("forever")).rejects.toEqual(refusal("VALIDATION"));
  });

  it("does not count an expired secret as live", async () => {
    const { app, generate, revoke, firstId } = await confidentialApp();
    const { view: second } = await generate();
    await getDb().appSecret.update({ where: { id: firstId }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const { view: third } = await generate();
    expect(third.live).toBe(true);
    expect(await getDb().appSecret.count({ where: { appId: app.id, revokedAt: null } })).toBe(3);
    await expect(generate()).rejects.toEqual(refusal("CONFLICT"));

    // The expired one may be revoked; the live ones are two, so one of them may be too.
    await expect(revoke(firstId)).resolves.toMatchObject({ live: false });
    await expect(revoke(second.id)).resolves.toMatchObject({ live: false });
    await expect(revoke(third.id)).rejects.toEqual(refusal("CONFLICT"));
  });

  it("refuses to revoke the last live secret even when an expired one remains", async () => {
    const { generate, revoke, firstId } = await confidentialApp();
    const { view: second } = await generate();
    await getDb().appSecret.update({ where: { id: firstId }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await expect(revoke(second.id)).rejects.toEqual(refusal("CONFLICT"));
  });

  it("keeps the two-live-secrets limit under concurrent requests", async () => {
    const { app, generate, revoke } = await confidentialApp();
    const generated = await Promise.allSettled([generate(), generate(), generate()]);
    expect(generated.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().appSecret.count({ where: { appId: app.id, revokedAt: null } })).toBe(2);

    const ids = (await getDb().appSecret.findMany({ where: { appId: app.id } })).map((s) => s.id);
    const revoked = await Promise.allSettled(ids.map((id) => revoke(id)));
    expect(revoked.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().appSecret.count({ where: { appId: app.id, revokedAt: null } })).toBe(1);
  });

  it("refuses to generate a secret for a public app", async () => {
    const { app, generate } = await confidentialApp({ clientType: "PUBLIC" });
    await expect(generate()).rejects.toEqual(refusal("CONFLICT", "Public clients have no secret: they use PKCE"));
    expect(await getDb().appSecret.count({ where: { appId: app.id } })).toBe(0);
    expect(await secretActions(app.id)).toEqual([]);
  });
});
