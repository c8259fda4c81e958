import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { systemActor } from "@/lib/auth/actor";
import { addConsent } from "@/lib/consent/mutations";
import { createTestApp } from "@/lib/testing/app-factories";
import { createGroup, createGroupWithMembers } from "@/lib/testing/factories";
import { captureCli } from "./capture-cli";

// A group with a user of each role and a Group app installed there by its admin.
async function installedApp(overrides: Parameters<typeof createTestApp>[2] = {}) {
  const seeded = await createGroupWithMembers();
  const { app } = await createTestApp(systemActor("test"), seeded.group.slug, {
    scopes: ["openid", "profile", "email"],
    setupUrl: "https://app.example.com/setup",
    ...overrides,
  });
  const { installationId } = await addConsent(systemActor("test"), seeded.group.slug, { clientId: app.clientId, scopes: ["email"] });
  await getDb().installation.update({ where: { id: installationId }, data: { installedById: seeded.admin.id } });
  const installation = await getDb().installation.findUniqueOrThrow({ where: { id: installationId } });
  return { ...seeded, app, installation };
}

const show = (...argv: string[]) => captureCli(["installations", "show", ...argv]);

describe("installations show", () => {
  it("prints Plane's app-installation object and Tessera's facts with --json, for any member", async () => {
    const { organization, group, admin, viewer, app, installation } = await installedApp();
    const result = await show(installation.id, "--group", `${organization.slug}/${group.slug}`, "--as", viewer.email, "--json");
    expect(result.code, result.stderr).toBe(0);
    expect(result.json()).toEqual({
      id: installation.id,
      workspace_detail: { name: group.name, slug: group.slug, id: group.id, logo_url: null },
      created_at: installation.createdAt.toISOString(),
      updated_at: installation.updatedAt.toISOString(),
      deleted_at: null,
      status: "installed",
      workspace: group.id,
      application: app.id,
      installed_by: admin.id,
      app_bot: installation.botUserId,
      webhook: null,
      client_id: app.clientId,
      scopes: ["openid", "email"],
      setup_status: "waiting",
      last_bot_token_at: null,
      last_used_at: null,
    });
  });

  it("prints key: value lines", async () => {
    const { group, admin, app, installation } = await installedApp({ isMentionable: true });
    const result = await show(installation.id);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe(app.name);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^  Installation ID:\\s+${installation.id}$`)),
      expect.stringMatching(new RegExp(`^  App:\\s+${app.name} \\(${app.clientId}\\)$`)),
      expect.stringMatching(new RegExp(`^  Group:\\s+${group.slug} \\(${group.name}\\)$`)),
      expect.stringMatching(/^ {2}Status:\s+Installed$/),
      expect.stringMatching(/^ {2}Scopes:\s+openid email$/),
      expect.stringMatching(new RegExp(`^  Bot:\\s+${app.name} \\(bot\\) \\(bot:${installation.botUserId}\\)$`)),
      expect.stringMatching(/^ {2}Mentionable:\s+yes$/),
      expect.stringMatching(new RegExp(`^  Installed by:\\s+${admin.name}$`)),
      expect.stringMatching(/^ {2}Last used:\s+never$/),
      expect.stringMatching(/^ {2}Last bot token:\s+never$/),
      expect.stringMatching(/^ {2}Setup:\s+waiting for the app to finish setup$/),
      expect.stringMatching(/^ {2}Setup URL:\s+https:\/\/app\.example\.com\/setup$/),
      expect.stringMatching(/^ {2}People:\s+0$/),
    ]));
    expect(result.stdout).not.toContain("Revoked");
  });

  it("reports setup, bot token and use times, and a revoked installation", async () => {
    const { group, admin, app, installation } = await installedApp({ webhookUrl: "https://app.example.com/hooks" });
    const at = (iso: string) => new Date(iso);
    await getDb().installation.update({
      where: { id: installation.id },
      data: { setupCompletedAt: at("2025-04-01T09:30:00Z"), lastBotTokenAt: at("2025-04-02T10:00:00Z"), lastUsedAt: at("2025-04-03T11:00:00Z") },
    });
    const removed = await captureCli(["consent", "remove", "--group", group.slug, installation.id, "--as", admin.email]);
    expect(removed.code, removed.stderr).toBe(0);

    const json = await show(installation.id, "--json");
    expect(json.code, json.stderr).toBe(0);
    const revokedAt = (await getDb().installation.findUniqueOrThrow({ where: { id: installation.id } })).revokedAt!;
    const webhook = await getDb().webhook.findUniqueOrThrow({ where: { appId: app.id } });
    expect(json.json()).toMatchObject({
      status: "revoked",
      deleted_at: revokedAt.toISOString(),
      webhook: webhook.id,
      setup_status: "complete",
      last_bot_token_at: "2025-04-02T10:00:00.000Z",
      last_used_at: "2025-04-03T11:00:00.000Z",
    });

    const text = (await show(installation.id)).stdout;
    expect(text).toMatch(/^ {2}Status:\s+Revoked$/m);
    expect(text).toMatch(new RegExp(`^  Revoked by:\\s+${admin.name}$`, "m"));
    expect(text).toMatch(/^ {2}Setup:\s+complete \(2025-04-01 09:30Z\)$/m);
    expect(text).toMatch(/^ {2}Last bot token:\s+2025-04-02 10:00Z$/m);
  });

  it("answers an unknown id with exit 3", async () => {
    const unknown = await show(randomUUID(), "--json");
    expect(unknown.code).toBe(3);
    expect(unknown.json()).toEqual({ error: "NOT_FOUND", message: "Installation not found", fields: {} });
  });

  it("refuses --as a non-member and another group's --group (exit 3)", async () => {
    const { organization, outsider, installation } = await installedApp();
    const refused = await show(installation.id, "--as", outsider.email, "--json");
    expect(refused.code).toBe(3);
    expect(refused.json()).toMatchObject({ error: "NOT_FOUND", message: "Installation not found" });

    const sibling = await createGroup(organization.id);
    const elsewhere = await show(installation.id, "--group", sibling.slug);
    expect(elsewhere.code).toBe(3);
    expect(elsewhere.stderr).toContain("Installation not found");
  });

  it("requires the installation id (exit 2) and shows its help", async () => {
    const missing = await show();
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing <installation_id> for "installations show"');
    const help = await show("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^installations show <installation_id>/);
    expect((await captureCli(["help"])).stdout).toContain("  installations show");
  });
});

describe("keys rotate", () => {
  it("puts new signing keys first and keeps the previous ones for verification", async () => {
    const { loadProviderKeys } = await import("@/lib/oidc/keys");
    const before = await loadProviderKeys();
    const result = await captureCli(["keys", "rotate", "--json"]);
    expect(result.code).toBe(0);
    const after = await loadProviderKeys();
    expect(after.jwks[0].kid).toBe(JSON.parse(result.stdout).signing_key_id);
    expect(after.jwks.map((key) => key.kid)).toEqual(expect.arrayContaining(before.jwks.map((key) => key.kid).slice(0, 2)));
    expect(after.cookieKeys.slice(1)).toContain(before.cookieKeys[0]);
  });
});
