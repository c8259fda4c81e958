import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { systemActor, userActor, type Actor } from "@/lib/auth/actor";
import { addConsent, removeConsent } from "@/lib/consent/mutations";
import { createGroup, createGroupWithMembers, createUser } from "@/lib/testing/factories";
import { createPlatformGroupWithAdmin, createTestApp } from "@/lib/testing/app-factories";
import { decryptWebhookSecret } from "./secrets";
import { configureWebhookDelivery } from "./settings";
import { getDelivery, getWebhookOverview, listDeliveries, listDisabledWebhooksForGroup } from "./queries";
import { redeliverWebhookEvent, reenableWebhook, regenerateWebhookSecret } from "./management";

// The delivery log's reads and the owners' actions, and who may use them.
// Events and attempts are written straight into the outbox: nothing here
// touches the network (names resolve through a fake public resolver).

const PUBLIC = "93.184.216.34";
let restore: () => void;
beforeAll(() => {
  restore = configureWebhookDelivery({ resolve: async () => [{ address: PUBLIC, family: 4 }] });
});
afterAll(() => restore());

const refusal = (code: string) => expect.objectContaining({ name: "AppError", code });
const asUser = (user: { id: string; isPlatformAdmin: boolean }) => userActor(user);

// A group with one of each role, an app with a webhook registered by its
// admin and installed in the group and in a second group of the organization.
async function webhookWorld(overrides: Parameters<typeof createTestApp>[2] = {}) {
  const world = await createGroupWithMembers();
  const admin = asUser(world.admin);
  const created = await createTestApp(admin, world.group.slug, { webhookUrl: "https://hooks.example.com/tessera", availability: "ORGANIZATION", ...overrides });
  const second = await createGroup(world.organization.id, "Second");
  const secondAdmin = await createUser([[second.id, "ADMIN"]]);
  const home = await addConsent(admin, world.group.slug, { clientId: created.app.clientId });
  const away = await addConsent(asUser(secondAdmin), second.slug, { clientId: created.app.clientId });
  const webhook = await getDb().webhook.findUniqueOrThrow({ where: { appId: created.app.id } });
  return { ...world, created, app: created.app, clientId: created.app.clientId, second, secondAdmin, home: home.installationId, away: away.installationId, webhook };
}

type World = Awaited<ReturnType<typeof webhookWorld>>;

// Moves the world's outbox rows (the app.installed events) aside and writes
// events in known states with their attempts.
async function seedDeliveries(world: World) {
  const db = getDb();
  await db.webhookEvent.deleteMany({ where: { webhookId: world.webhook.id } });
  const at = (minutes: number) => new Date(Date.UTC(2025, 4, 1, 9, minutes));
  const event = async (installationId: string, groupId: string, status: "PENDING" | "DELIVERED" | "FAILED", minutes: number, attempts: { statusCode: number | null; durationMs: number; error?: string }[]) => {
    const id = randomUUID();
    const last = attempts.at(-1);
    await db.webhookEvent.create({
      data: {
        id,
        webhookId: world.webhook.id,
        installationId,
        groupId,
        event: "work_item",
        action: status.toLowerCase(),
        body: JSON.stringify({ id, event: "work_item", action: "created", data: { title: "Fix the login" } }),
        status,
        attempts: attempts.length,
        nextAttemptAt: at(minutes + 30),
        lastStatusCode: last?.statusCode ?? null,
        lastError: last?.error ?? null,
        deliveredAt: status === "DELIVERED" ? at(minutes + 1) : null,
        createdAt: at(minutes),
      },
    });
    for (const [index, attempt] of attempts.entries()) {
      await db.webhookAttempt.create({
        data: {
          eventId: id,
          number: index + 1,
          startedAt: at(minutes + index),
          durationMs: attempt.durationMs,
          statusCode: attempt.statusCode,
          error: attempt.error ?? null,
          requestHeaders: JSON.stringify({ "content-type": "application/json", "webhook-id": id, "X-Plane-Signature": "abc123" }),
          responseSnippet: attempt.statusCode === 200 ? "ok" : "upstream exploded",
        },
      });
    }
    return id;
  };
  const delivered = await event(world.home, world.group.id, "DELIVERED", 0, [{ statusCode: 500, durationMs: 40, error: "HTTP 500" }, { statusCode: 200, durationMs: 12 }]);
  const pending = await event(world.home, world.group.id, "PENDING", 10, [{ statusCode: 503, durationMs: 90, error: "HTTP 503" }]);
  const failed = await event(world.away, world.second.id, "FAILED", 20, [{ statusCode: null, durationMs: 10_000, error: "Timed out after 10 s" }]);
  const fresh = await event(world.away, world.second.id, "PENDING", 30, []);
  return { delivered, pending, failed, fresh };
}

describe("getWebhookOverview", () => {
  it("shows the app's owners the URL, the secret's hint, the state, counts and installations", async () => {
    const world = await webhookWorld();
    await seedDeliveries(world);
    const overview = await getWebhookOverview(asUser(world.admin), world.clientId, world.group.slug);
    expect(overview).toMatchObject({
      app: { id: world.app.id, clientId: world.clientId, name: world.app.name, ownerGroupSlug: world.group.slug },
      url: "https://hooks.example.com/tessera",
      webhook: { id: world.webhook.id, secretHint: world.created.webhookSecret!.slice(-4), disabledAt: null, disabledReason: null, consecutiveFailures: 0 },
      counts: { PENDING: 2, DELIVERED: 1, FAILED: 1 },
    });
    expect(overview.installations.map((row) => row.group.slug).sort()).toEqual([world.group.slug, world.second.slug].sort());
    expect(JSON.stringify(overview)).not.toContain(world.webhook.secretCipher);
  });

  it("has no webhook for an app without a webhook URL", async () => {
    const { admin, group } = await createGroupWithMembers();
    const { app } = await createTestApp(asUser(admin), group.slug);
    const overview = await getWebhookOverview(asUser(admin), app.clientId, group.slug);
    expect(overview).toMatchObject({ url: null, webhook: null, counts: { PENDING: 0, DELIVERED: 0, FAILED: 0 }, installations: [] });
  });
});

describe("listDeliveries", () => {
  it("lists the newest first with status, response code, latency, attempts and next retry", async () => {
    const world = await webhookWorld();
    const ids = await seedDeliveries(world);
    const page = await listDeliveries(asUser(world.admin), world.clientId, { groupSlug: world.group.slug });
    expect(page.total).toBe(4);
    expect(page.entries.map((entry) => entry.id)).toEqual([ids.fresh, ids.failed, ids.pending, ids.delivered]);
    const byId = Object.fromEntries(page.entries.map((entry) => [entry.id, entry]));
    expect(byId[ids.delivered]).toMatchObject({ status: "DELIVERED", attempts: 2, lastStatusCode: 200, lastLatencyMs: 12, nextAttemptAt: null, group: { slug: world.group.slug } });
    expect(byId[ids.delivered].deliveredAt).toEqual(new Date(Date.UTC(2025, 4, 1, 9, 1)));
    expect(byId[ids.pending]).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 503, lastLatencyMs: 90, nextAttemptAt: new Date(Date.UTC(2025, 4, 1, 9, 40)) });
    expect(byId[ids.failed]).toMatchObject({ status: "FAILED", lastStatusCode: null, lastError: "Timed out after 10 s", nextAttemptAt: null, group: { slug: world.second.slug } });
    expect(byId[ids.fresh]).toMatchObject({ status: "PENDING", attempts: 0, lastLatencyMs: null });
  });

  it("filters by status and installation (case-insensitive status; bad values fall back) and pages", async () => {
    const world = await webhookWorld();
    const ids = await seedDeliveries(world);
    const admin = asUser(world.admin);
    const list = async (input: Parameters<typeof listDeliveries>[2]) => (await listDeliveries(admin, world.clientId, input)).entries.map((entry) => entry.id);
    expect(await list({ status: "failed" })).toEqual([ids.failed]);
    expect(await list({ status: "PENDING" })).toEqual([ids.fresh, ids.pending]);
    expect(await list({ installationId: world.home })).toEqual([ids.pending, ids.delivered]);
    expect(await list({ installationId: world.away, status: "pending" })).toEqual([ids.fresh]);
    expect(await list({ status: "nonsense" })).toHaveLength(4);
    expect(await list({ installationId: "someone-elses" })).toEqual([]);

    const second = await listDeliveries(admin, world.clientId, { page: 2, pageSize: 3 });
    expect(second).toMatchObject({ total: 4, pageCount: 2, query: { page: 2, pageSize: 3 } });
    expect(second.entries.map((entry) => entry.id)).toEqual([ids.delivered]);
  });
});

describe("getDelivery", () => {
  it("returns the body and every attempt with its request headers and response snippet", async () => {
    const world = await webhookWorld();
    const ids = await seedDeliveries(world);
    const detail = await getDelivery(asUser(world.admin), ids.delivered, world.group.slug);
    expect(JSON.parse(detail.body)).toMatchObject({ id: ids.delivered, data: { title: "Fix the login" } });
    expect(detail.attemptLog.map((attempt) => [attempt.number, attempt.statusCode, attempt.responseSnippet])).toEqual([
      [2, 200, "ok"],
      [1, 500, "upstream exploded"],
    ]);
    expect(detail.attemptLog[0].requestHeaders).toEqual({ "content-type": "application/json", "webhook-id": ids.delivered, "X-Plane-Signature": "abc123" });
    expect(detail).toMatchObject({ url: "https://hooks.example.com/tessera", app: { clientId: world.clientId }, lastLatencyMs: 12 });
  });

  it("answers an unknown event with NOT_FOUND", async () => {
    const world = await webhookWorld();
    await expect(getDelivery(asUser(world.admin), randomUUID())).rejects.toEqual(refusal("NOT_FOUND"));
  });
});

describe("who may see and act on an app's webhook", () => {
  function calls(actor: Actor, world: World, eventId: string, slug: string | undefined = world.group.slug) {
    return {
      overview: () => getWebhookOverview(actor, world.clientId, slug),
      list: () => listDeliveries(actor, world.clientId, { groupSlug: slug }),
      detail: () => getDelivery(actor, eventId, slug),
      regenerate: () => regenerateWebhookSecret(actor, world.clientId, slug),
      reenable: () => reenableWebhook(actor, world.clientId, slug),
      redeliver: () => redeliverWebhookEvent(actor, eventId, slug),
    };
  }

  async function expectRefused(all: Record<string, () => Promise<unknown>>, code: string) {
    for (const [name, call] of Object.entries(all)) await expect(call(), name).rejects.toEqual(refusal(code));
  }

  async function expectUntouched(world: World, eventId: string) {
    const webhook = await getDb().webhook.findUniqueOrThrow({ where: { id: world.webhook.id } });
    expect(webhook.secretCipher).toBe(world.webhook.secretCipher);
    expect(await getDb().webhookEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({ status: "FAILED" });
    expect(await getDb().auditEvent.count({ where: { targetId: world.app.id, action: { startsWith: "webhook." } } })).toBe(0);
  }

  it("refuses the owning group's members and viewers with FORBIDDEN", async () => {
    const world = await webhookWorld();
    const { failed } = await seedDeliveries(world);
    await expectRefused(calls(asUser(world.member), world, failed), "FORBIDDEN");
    await expectRefused(calls(asUser(world.viewer), world, failed), "FORBIDDEN");
    await expectUntouched(world, failed);
  });

  it("answers another group's admin NOT_FOUND, also the admin of a group where the app is installed", async () => {
    const world = await webhookWorld();
    const { failed } = await seedDeliveries(world);
    const stranger = await createGroupWithMembers();
    await expectRefused(calls(asUser(stranger.admin), world, failed, stranger.group.slug), "NOT_FOUND");
    await expectRefused(calls(asUser(stranger.admin), world, failed, undefined), "NOT_FOUND");
    await expectRefused(calls(asUser(world.secondAdmin), world, failed, world.second.slug), "NOT_FOUND");
    await expectRefused(calls(asUser(world.outsider), world, failed, undefined), "NOT_FOUND");
    // The owner's admin, but under another group's address.
    await expectRefused(calls(asUser(world.admin), world, failed, world.second.slug), "NOT_FOUND");
    await expectUntouched(world, failed);
  });

  it("lets any platform admin manage a Global app's webhook, but not a Group app's", async () => {
    const { group, platformAdmin } = await createPlatformGroupWithAdmin();
    const global = await createTestApp(asUser(platformAdmin), group.slug, { availability: "GLOBAL", webhookUrl: "https://hooks.example.com/global" });
    const local = await createTestApp(asUser(platformAdmin), group.slug, { webhookUrl: "https://hooks.example.com/local" });
    const other = asUser(await createUser([], { isPlatformAdmin: true }));
    await expect(getWebhookOverview(other, global.app.clientId, group.slug)).resolves.toMatchObject({ url: "https://hooks.example.com/global" });
    await expect(regenerateWebhookSecret(other, global.app.clientId)).resolves.toMatchObject({ secret: expect.stringMatching(/^whsec_/) });
    await expect(getWebhookOverview(other, local.app.clientId, group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(regenerateWebhookSecret(other, local.app.clientId)).rejects.toEqual(refusal("NOT_FOUND"));
  });
});

describe("regenerate, re-enable, redeliver", () => {
  it("regenerates the signing secret: the new one signs from now on, shown once, audited with its hint", async () => {
    const world = await webhookWorld();
    const { secret, hint } = await regenerateWebhookSecret(asUser(world.admin), world.clientId, world.group.slug);
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(world.created.webhookSecret);
    expect(hint).toBe(secret.slice(-4));
    const row = await getDb().webhook.findUniqueOrThrow({ where: { id: world.webhook.id } });
    expect(await decryptWebhookSecret(row.secretCipher)).toBe(secret);
    expect(row.secretHint).toBe(hint);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { targetId: world.app.id, action: "webhook.secret_regenerated" } });
    expect(audit).toMatchObject({ actorUserId: world.admin.id, groupId: world.group.id, targetType: "app", details: expect.objectContaining({ hint }) });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("refuses to make a secret for an app without webhook URL", async () => {
    const { admin, group } = await createGroupWithMembers();
    const { app } = await createTestApp(asUser(admin), group.slug);
    await expect(regenerateWebhookSecret(asUser(admin), app.clientId, group.slug)).rejects.toEqual(refusal("CONFLICT"));
    expect(await getDb().webhook.count({ where: { appId: app.id } })).toBe(0);
  });

  it("re-enables a paused webhook once, audited with the reason it was paused", async () => {
    const world = await webhookWorld();
    const { failed } = await seedDeliveries(world);
    await getDb().webhook.update({ where: { id: world.webhook.id }, data: { disabledAt: new Date(), disabledReason: "The receiver answered 410 Gone", consecutiveFailures: 20 } });
    await expect(redeliverWebhookEvent(asUser(world.admin), failed, world.group.slug)).rejects.toEqual(refusal("CONFLICT"));

    expect(await reenableWebhook(asUser(world.admin), world.clientId, world.group.slug)).toBe(true);
    expect(await getDb().webhook.findUniqueOrThrow({ where: { id: world.webhook.id } })).toMatchObject({ disabledAt: null, disabledReason: null, consecutiveFailures: 0 });
    expect(await reenableWebhook(asUser(world.admin), world.clientId, world.group.slug)).toBe(false);
    const audit = await getDb().auditEvent.findMany({ where: { targetId: world.app.id, action: "webhook.enabled" } });
    expect(audit).toEqual([expect.objectContaining({ actorUserId: world.admin.id, details: expect.objectContaining({ previousReason: "The receiver answered 410 Gone" }) })]);
  });

  it("redelivers an event: pending again at once, same id and body, its attempts kept, audited", async () => {
    const world = await webhookWorld();
    const { failed } = await seedDeliveries(world);
    const before = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: failed } });
    const result = await redeliverWebhookEvent(asUser(world.admin), failed, world.group.slug);
    expect(result).toMatchObject({ eventId: failed, clientId: world.clientId });
    const after = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: failed } });
    expect(after).toMatchObject({ status: "PENDING", body: before.body, attempts: 1 });
    expect(after.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await getDb().webhookAttempt.count({ where: { eventId: failed } })).toBe(1);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { targetId: world.app.id, action: "webhook.redelivered" } });
    expect(audit.details).toMatchObject({ eventId: failed, event: "work_item.failed", previousStatus: "FAILED" });
  });
});

describe("listDisabledWebhooksForGroup (the banner)", () => {
  it("shows paused webhooks to the admins of the owning group and of groups where the app is installed", async () => {
    const world = await webhookWorld();
    expect(await listDisabledWebhooksForGroup(world.admin.id, world.group.slug)).toEqual([]);
    const disabledAt = new Date();
    await getDb().webhook.update({ where: { id: world.webhook.id }, data: { disabledAt, disabledReason: "20 delivery attempts in a row failed" } });

    expect(await listDisabledWebhooksForGroup(world.admin.id, world.group.slug)).toEqual([
      { appName: world.app.name, clientId: world.clientId, reason: "20 delivery attempts in a row failed", disabledAt, ownedHere: true, installationId: world.home },
    ]);
    expect(await listDisabledWebhooksForGroup(world.secondAdmin.id, world.second.slug)).toEqual([
      expect.objectContaining({ clientId: world.clientId, ownedHere: false, installationId: world.away }),
    ]);
    // Members and viewers see no banner; a group that removed the app neither.
    expect(await listDisabledWebhooksForGroup(world.member.id, world.group.slug)).toEqual([]);
    expect(await listDisabledWebhooksForGroup(world.viewer.id, world.group.slug)).toEqual([]);
    await removeConsent(asUser(world.secondAdmin), world.second.slug, world.away);
    expect(await listDisabledWebhooksForGroup(world.secondAdmin.id, world.second.slug)).toEqual([]);
    // Not a member at all: the group does not exist for them.
    await expect(listDisabledWebhooksForGroup(world.outsider.id, world.group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
  });
});

describe("the operator (system actor)", () => {
  it("reads any app's deliveries", async () => {
    const world = await webhookWorld();
    const ids = await seedDeliveries(world);
    expect((await listDeliveries(systemActor("cli"), world.clientId, { status: "failed" })).entries.map((entry) => entry.id)).toEqual([ids.failed]);
  });
});
