import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { userActor } from "@/lib/auth/actor";
import { updateApp } from "@/lib/apps/mutations";
import { createGroupWithMembers } from "@/lib/testing/factories";
import { createTestApp, validRegistration } from "@/lib/testing/app-factories";
import { decryptWebhookSecret } from "./secrets";
import { configureWebhookDelivery, type Resolver } from "./settings";

// Registering and editing an app with a webhook URL: the SSRF guard at save
// time, and the signing secret made after the app is saved, shown once.

const resolvesTo = (address: string): Resolver => async () => [{ address, family: address.includes(":") ? 6 : 4 }];
let restore: (() => void) | undefined;
const resolveAs = (address: string) => {
  restore?.();
  restore = configureWebhookDelivery({ resolve: resolvesTo(address) });
};
afterEach(() => {
  restore?.();
  restore = undefined;
  delete process.env.TESSERA_WEBHOOKS_ALLOW_LOOPBACK;
});

const refusal = (fields: Record<string, string | RegExp>) =>
  expect.objectContaining({
    name: "AppError",
    code: "VALIDATION",
    fields: expect.objectContaining(Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, typeof value === "string" ? value : expect.stringMatching(value)]))),
  });

async function adminAndGroup() {
  const world = await createGroupWithMembers();
  return { ...world, actor: userActor(world.admin) };
}

describe("registering an app with a webhook URL", () => {
  it("returns the webhook's signing secret once, stored encrypted with its hint", async () => {
    resolveAs("93.184.216.34");
    const { actor, group } = await adminAndGroup();
    const created = await createTestApp(actor, group.slug, { webhookUrl: "https://hooks.example.com/tessera" });
    expect(created.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.clientSecret).toMatch(/^tsk_/);
    const webhook = await getDb().webhook.findUniqueOrThrow({ where: { appId: created.app.id } });
    expect(webhook.secretHint).toBe(created.webhookSecret!.slice(-4));
    expect(webhook.secretCipher).not.toContain(created.webhookSecret!.slice(6));
    expect(await decryptWebhookSecret(webhook.secretCipher)).toBe(created.webhookSecret);
  });

  it("makes no webhook for an app without a webhook URL", async () => {
    const { actor, group } = await adminAndGroup();
    const created = await createTestApp(actor, group.slug);
    expect(created.webhookSecret).toBeNull();
    expect(await getDb().webhook.count({ where: { appId: created.app.id } })).toBe(0);
  });

  it("refuses a webhook URL that resolves to a private address, and saves nothing", async () => {
    resolveAs("10.0.0.5");
    const { actor, group } = await adminAndGroup();
    await expect(createTestApp(actor, group.slug, { name: "Private", webhookUrl: "https://intranet.example.com/hook" })).rejects.toEqual(
      refusal({ webhookUrl: /public addresses.*10\.0\.0\.5/ }),
    );
    resolveAs("169.254.169.254");
    await expect(createTestApp(actor, group.slug, { name: "Private", webhookUrl: "https://metadata.example.com/" })).rejects.toEqual(refusal({ webhookUrl: /169\.254\.169\.254/ }));
    expect(await getDb().app.count({ where: { ownerGroupId: group.id } })).toBe(0);
  });

  it("refuses http and loopback webhook and setup URLs unless the development allowance is on", async () => {
    resolveAs("127.0.0.1");
    const { actor, group } = await adminAndGroup();
    await expect(createTestApp(actor, group.slug, { webhookUrl: "http://127.0.0.1:4000/hook" })).rejects.toEqual(refusal({ webhookUrl: "Use an https:// URL" }));
    await expect(createTestApp(actor, group.slug, { webhookUrl: "https://localhost/hook" })).rejects.toEqual(refusal({ webhookUrl: /public addresses/ }));
    await expect(createTestApp(actor, group.slug, { setupUrl: "http://localhost:4000/install" })).rejects.toEqual(refusal({ setupUrl: "Use an https:// URL" }));
    await expect(createTestApp(actor, group.slug, { setupUrl: "https://127.0.0.1/install" })).rejects.toEqual(refusal({ setupUrl: /^The setup URL must be a public address/ }));
    expect(await getDb().app.count({ where: { ownerGroupId: group.id } })).toBe(0);

    process.env.TESSERA_WEBHOOKS_ALLOW_LOOPBACK = "1";
    const created = await createTestApp(actor, group.slug, { webhookUrl: "http://127.0.0.1:4000/hook", setupUrl: "http://localhost:4000/install" });
    expect(created.webhookSecret).toMatch(/^whsec_/);
  });
});

describe("editing an app's webhook URL", () => {
  it("makes the webhook when a URL is first added and returns its secret only then", async () => {
    resolveAs("93.184.216.34");
    const { actor, group } = await adminAndGroup();
    const { app } = await createTestApp(actor, group.slug, { name: "Later hooks" });
    const settings = validRegistration({ name: "Later hooks", webhookUrl: "https://hooks.example.com/a" });

    const first = await updateApp(actor, app.clientId, settings, group.slug);
    expect(first.webhookUrl).toBe("https://hooks.example.com/a");
    expect(first.webhookSecret).toMatch(/^whsec_/);
    const webhook = await getDb().webhook.findUniqueOrThrow({ where: { appId: app.id } });
    expect(await decryptWebhookSecret(webhook.secretCipher)).toBe(first.webhookSecret);

    const second = await updateApp(actor, app.clientId, { ...settings, webhookUrl: "https://hooks.example.com/b" }, group.slug);
    expect(second.webhookSecret).toBeNull();
    expect((await getDb().webhook.findUniqueOrThrow({ where: { appId: app.id } })).secretCipher).toBe(webhook.secretCipher);
  });

  it("refuses a private webhook URL on edit and keeps the old settings", async () => {
    resolveAs("93.184.216.34");
    const { actor, group } = await adminAndGroup();
    const { app } = await createTestApp(actor, group.slug, { name: "Keep", webhookUrl: "https://hooks.example.com/a" });
    resolveAs("192.168.1.10");
    await expect(updateApp(actor, app.clientId, validRegistration({ name: "Changed", webhookUrl: "https://rebound.example.com/a" }), group.slug)).rejects.toEqual(
      refusal({ webhookUrl: /192\.168\.1\.10/ }),
    );
    expect(await getDb().app.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({ name: "Keep", webhookUrl: "https://hooks.example.com/a" });
  });
});
