import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { systemActor } from "@/lib/auth/actor";
import { addConsent } from "@/lib/consent/mutations";
import { createTestApp } from "@/lib/testing/app-factories";
import { createGroupWithMembers } from "@/lib/testing/factories";
import { decryptWebhookSecret } from "@/lib/webhooks/secrets";
import { configureWebhookDelivery } from "@/lib/webhooks/settings";
import { captureCli } from "./capture-cli";

type Delivery = {
  id: string; event: string; action: string; status: string; installation_id: string | null; group: string | null;
  response_code: number | null; latency_ms: number | null; attempts: number; next_attempt_at: string | null;
  last_error: string | null; created_at: string; delivered_at: string | null;
};

let restore: () => void;
beforeAll(() => {
  restore = configureWebhookDelivery({ resolve: async () => [{ address: "93.184.216.34", family: 4 }] });
});
afterAll(() => restore());

// A group with a user of each role, and an app with a webhook installed
// there: its app.installed event is in the outbox; a failed one is added.
async function installedWebhookApp() {
  const seeded = await createGroupWithMembers();
  const { app, webhookSecret } = await createTestApp(systemActor("test"), seeded.group.slug, { webhookUrl: "https://hooks.example.com/tessera" });
  const { installationId } = await addConsent(systemActor("test"), seeded.group.slug, { clientId: app.clientId });
  const webhook = await getDb().webhook.findUniqueOrThrow({ where: { appId: app.id } });
  const installed = await getDb().webhookEvent.findFirstOrThrow({ where: { webhookId: webhook.id } });
  const failedId = randomUUID();
  await getDb().webhookEvent.create({
    data: {
      id: failedId, webhookId: webhook.id, installationId, groupId: seeded.group.id, event: "work_item", action: "created", body: "{}",
      status: "FAILED", attempts: 8, lastStatusCode: 500, lastError: "HTTP 500", createdAt: new Date(Date.now() + 1000),
      deliveryLog: { create: { number: 8, durationMs: 42, statusCode: 500, error: "HTTP 500", requestHeaders: "{}", responseSnippet: "boom" } },
    },
  });
  return { ...seeded, app, webhook, webhookSecret, installationId, installedId: installed.id, failedId };
}

const deliveries = (...argv: string[]) => captureCli(["webhooks", "deliveries", ...argv]);

describe("webhooks deliveries", () => {
  it("lists an app's deliveries newest first with --json, filtered by status and installation", async () => {
    const { group, admin, app, installationId, installedId, failedId } = await installedWebhookApp();
    const all = await deliveries("--app", app.clientId, "--as", admin.email, "--json");
    expect(all.code, all.stderr).toBe(0);
    const rows = all.json<Delivery[]>();
    expect(rows.map((row) => row.id)).toEqual([failedId, installedId]);
    expect(rows[0]).toEqual({
      id: failedId, event: "work_item", action: "created", status: "failed", installation_id: installationId, group: group.slug,
      response_code: 500, latency_ms: 42, attempts: 8, next_attempt_at: null, last_error: "HTTP 500",
      created_at: expect.any(String), delivered_at: null,
    });
    expect(rows[1]).toMatchObject({ event: "app", action: "installed", status: "pending", attempts: 0, response_code: null, latency_ms: null, next_attempt_at: expect.any(String) });

    const failed = await deliveries("--app", app.clientId, "--status", "failed", "--json");
    expect(failed.json<Delivery[]>().map((row) => row.id)).toEqual([failedId]);
    const pending = await deliveries("--app", app.clientId, "--status", "PENDING", "--installation", installationId, "--json");
    expect(pending.json<Delivery[]>().map((row) => row.id)).toEqual([installedId]);
    const elsewhere = await deliveries("--app", app.clientId, "--installation", randomUUID(), "--json");
    expect(elsewhere.json()).toEqual([]);
  });

  it("prints a table, and says so when nothing matches", async () => {
    const { app, failedId } = await installedWebhookApp();
    const table = await deliveries("--app", app.clientId);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.split("\n");
    expect(lines[0]).toMatch(/^EVENT_ID\s+EVENT\s+STATUS\s+RESPONSE\s+LATENCY\s+ATTEMPTS\s+NEXT_RETRY\s+GROUP\s+CREATED$/);
    expect(lines[1]).toMatch(new RegExp(`^${failedId}\\s+work_item\\.created\\s+failed\\s+500\\s+42ms\\s+8\\s+-\\s`));
    expect(lines[2]).toMatch(/\sapp\.installed\s+pending\s+-\s+-\s+0\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s/);

    await getDb().webhookEvent.deleteMany({ where: { id: failedId } });
    const none = await deliveries("--app", app.clientId, "--status", "failed");
    expect(none.stdout).toBe(`No deliveries for ${app.name} with status failed.`);
  });

  it("refuses members (exit 3), other groups' admins (exit 3) and bad options (exit 2)", async () => {
    const { app, member, viewer } = await installedWebhookApp();
    const stranger = await createGroupWithMembers();
    const refused = await deliveries("--app", app.clientId, "--as", member.email, "--json");
    expect(refused.code).toBe(3);
    expect(refused.json()).toMatchObject({ error: "FORBIDDEN" });
    expect((await deliveries("--app", app.clientId, "--as", viewer.email)).code).toBe(3);
    const hidden = await deliveries("--app", app.clientId, "--as", stranger.admin.email, "--json");
    expect(hidden.code).toBe(3);
    expect(hidden.json()).toMatchObject({ error: "NOT_FOUND", message: "App not found" });

    expect((await deliveries()).stderr).toContain('Missing --app <client_id> for "webhooks deliveries"');
    const status = await deliveries("--app", app.clientId, "--status", "lost", "--json");
    expect(status.code).toBe(2);
    expect(status.json()).toMatchObject({ error: "USAGE", message: "--status must be one of pending, delivered, failed" });
    expect((await deliveries("--app", app.clientId, "--page", "0")).code).toBe(2);
  });
});

describe("webhooks redeliver", () => {
  it("queues a failed event again with its id and body, audited", async () => {
    const { admin, app, failedId } = await installedWebhookApp();
    const result = await captureCli(["webhooks", "redeliver", failedId, "--as", admin.email, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json()).toEqual({ id: failedId, event: "work_item", action: "created", client_id: app.clientId, status: "pending", redelivered: true });
    expect(await getDb().webhookEvent.findUniqueOrThrow({ where: { id: failedId } })).toMatchObject({ status: "PENDING", body: "{}", attempts: 8 });
    expect(await getDb().auditEvent.count({ where: { targetId: app.id, action: "webhook.redelivered", actorUserId: admin.id } })).toBe(1);

    const text = await captureCli(["webhooks", "redeliver", failedId]);
    expect(text.stdout).toBe(`Queued work_item.created ${failedId} for redelivery to ${app.name}.`);
  });

  it("refuses a member and an unknown event (exit 3), a paused webhook (exit 4), a missing id (exit 2)", async () => {
    const { member, webhook, failedId } = await installedWebhookApp();
    expect((await captureCli(["webhooks", "redeliver", failedId, "--as", member.email])).code).toBe(3);
    expect(await getDb().webhookEvent.findUniqueOrThrow({ where: { id: failedId } })).toMatchObject({ status: "FAILED" });
    const unknown = await captureCli(["webhooks", "redeliver", randomUUID(), "--json"]);
    expect(unknown.code).toBe(3);
    expect(unknown.json()).toMatchObject({ error: "NOT_FOUND", message: "Webhook delivery not found" });

    await getDb().webhook.update({ where: { id: webhook.id }, data: { disabledAt: new Date(), disabledReason: "The receiver answered 410 Gone" } });
    const paused = await captureCli(["webhooks", "redeliver", failedId]);
    expect(paused.code).toBe(4);
    expect(paused.stderr).toContain("re-enable its webhook first");

    const missing = await captureCli(["webhooks", "redeliver"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing <event_id> for "webhooks redeliver"');
  });
});

describe("webhooks rotate-secret and enable", () => {
  it("prints a new signing secret once; re-enables a paused webhook", async () => {
    const { app, webhook, webhookSecret, member } = await installedWebhookApp();
    const rotated = await captureCli(["webhooks", "rotate-secret", app.clientId, "--json"]);
    expect(rotated.code, rotated.stderr).toBe(0);
    const { webhook_secret: secret, hint } = rotated.json<{ webhook_secret: string; hint: string }>();
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(webhookSecret);
    expect(hint).toBe(secret.slice(-4));
    expect(await decryptWebhookSecret((await getDb().webhook.findUniqueOrThrow({ where: { id: webhook.id } })).secretCipher)).toBe(secret);
    expect((await captureCli(["webhooks", "rotate-secret", app.clientId, "--as", member.email])).code).toBe(3);

    await getDb().webhook.update({ where: { id: webhook.id }, data: { disabledAt: new Date(), disabledReason: "The receiver answered 410 Gone" } });
    const enabled = await captureCli(["webhooks", "enable", app.clientId, "--json"]);
    expect(enabled.json()).toEqual({ client_id: app.clientId, enabled: true, changed: true });
    expect(await getDb().webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({ disabledAt: null });
    expect((await captureCli(["webhooks", "enable", app.clientId])).stdout).toBe(`Webhook deliveries for ${app.clientId} were not paused.`);
  });

  it("shows in the usage", async () => {
    const help = await captureCli(["help"]);
    for (const command of ["webhooks deliveries", "webhooks redeliver", "webhooks rotate-secret", "webhooks enable"]) expect(help.stdout).toContain(`  ${command}`);
    const own = await captureCli(["webhooks", "deliveries", "--help"]);
    expect(own.stdout).toMatch(/^webhooks deliveries --app <client_id>/);
  });
});
