import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { userActor } from "@/lib/auth/actor";
import { addConsent, removeConsent } from "@/lib/consent/mutations";
import { createTestApp } from "@/lib/testing/app-factories";
import { createGroup, createGroupWithMembers, createUser, uniqueSuffix } from "@/lib/testing/factories";
import { eventNames, giveAppWebhook, outboxOf } from "@/lib/projects/test-world";
import { emitSecretExpiringEvents, SECRET_EXPIRY_NOTICE_DAYS } from "./secret-expiry";

// A client secret entering its last week is announced once to each live
// installation of its app (app / secret_expiring). Each test runs at its own
// far-future "now", so no other test's secrets fall in its window.

const DAY = 24 * 60 * 60 * 1000;
const inDays = (now: Date, days: number) => new Date(now.getTime() + days * DAY);

async function addSecret(appId: string, expiresAt: Date | null, revokedAt: Date | null = null) {
  const hint = uniqueSuffix().slice(0, 4);
  return getDb().appSecret.create({ data: { appId, hash: `test-${uniqueSuffix()}${uniqueSuffix()}`, hint, expiresAt, revokedAt } });
}

// An Organization app installed in two groups of the organization, with a webhook.
async function appInTwoGroups() {
  const first = await createGroupWithMembers();
  const second = await createGroup(first.organization.id, "Second");
  const secondAdmin = await createUser([[second.id, "ADMIN"]]);
  const { app } = await createTestApp(userActor(first.admin), first.group.slug, { availability: "ORGANIZATION" });
  const one = await addConsent(userActor(first.admin), first.group.slug, { clientId: app.clientId });
  const two = await addConsent(userActor(secondAdmin), second.slug, { clientId: app.clientId });
  const webhookId = await giveAppWebhook(app.id);
  return { first, second, secondAdmin, app, webhookId, installations: [one.installationId, two.installationId] };
}

describe("secret expiring events", () => {
  it("announces a live secret in its last week once, to each live installation", async () => {
    const now = new Date("2099-01-10T12:00:00Z");
    const world = await appInTwoGroups();
    const soon = await addSecret(world.app.id, inDays(now, 3));
    const later = await addSecret(world.app.id, inDays(now, SECRET_EXPIRY_NOTICE_DAYS + 3));
    await addSecret(world.app.id, inDays(now, -1)); // already expired
    await addSecret(world.app.id, inDays(now, 2), inDays(now, -5)); // revoked
    await addSecret(world.app.id, null); // never expires

    const run = await emitSecretExpiringEvents(now);
    expect(run).toEqual({ secrets: 1, events: 2 });
    const rows = await outboxOf(world.webhookId);
    expect(rows.map((row) => row.installationId).sort()).toEqual([...world.installations].sort());
    const groupOf = { [world.installations[0]]: world.first.group.id, [world.installations[1]]: world.second.id };
    for (const row of rows) {
      expect(row.payload).toEqual({
        id: row.id,
        event: "app",
        action: "secret_expiring",
        webhook_id: world.webhookId,
        workspace_id: groupOf[row.installationId!],
        installation_id: row.installationId,
        data: { client_id: world.app.clientId, secret_hint: soon.hint, expires_at: soon.expiresAt!.toISOString() },
        activity: { actor: { type: "system", id: null, name: "Tessera" }, at: expect.any(String) },
      });
    }
    expect((await getDb().appSecret.findUniqueOrThrow({ where: { id: soon.id } })).expiryNotifiedAt).toEqual(now);

    // Once per secret: a later run announces only the secret now in its last week.
    expect(await emitSecretExpiringEvents(inDays(now, 1))).toEqual({ secrets: 0, events: 0 });
    expect(await emitSecretExpiringEvents(inDays(now, 4))).toEqual({ secrets: 1, events: 2 });
    const announced = (await outboxOf(world.webhookId)).map((row) => row.payload.data.secret_hint);
    expect(announced.sort()).toEqual([soon.hint, soon.hint, later.hint, later.hint].sort());
  });

  it("skips revoked installations and apps installed nowhere, and announces each secret only once even when runs overlap", async () => {
    const now = new Date("2099-04-10T12:00:00Z");
    const world = await appInTwoGroups();
    await removeConsent(userActor(world.secondAdmin), world.second.slug, world.installations[1]);
    await addSecret(world.app.id, inDays(now, 6));
    const lonely = await createGroupWithMembers();
    const { app: notInstalled } = await createTestApp(userActor(lonely.admin), lonely.group.slug);
    const lonelyWebhook = await giveAppWebhook(notInstalled.id);
    const unheard = await addSecret(notInstalled.id, inDays(now, 1));

    const runs = await Promise.all([emitSecretExpiringEvents(now), emitSecretExpiringEvents(now), emitSecretExpiringEvents(now)]);
    expect(runs.reduce((sum, run) => sum + run.secrets, 0)).toBe(2);
    expect(runs.reduce((sum, run) => sum + run.events, 0)).toBe(1);
    const rows = await outboxOf(world.webhookId);
    expect(rows.map((row) => `${row.event}.${row.action}:${row.installationId}`).sort()).toEqual(
      [`app.uninstalled:${world.installations[1]}`, `app.secret_expiring:${world.installations[0]}`].sort(),
    );
    expect(await eventNames(lonelyWebhook)).toEqual([]);
    // Nobody to tell, but announced all the same: it won't be retried.
    expect((await getDb().appSecret.findUniqueOrThrow({ where: { id: unheard.id } })).expiryNotifiedAt).toEqual(now);
  });

  it("writes no event for an app without a webhook, and still announces the secret once", async () => {
    const now = new Date("2099-07-10T12:00:00Z");
    const world = await createGroupWithMembers();
    const { app } = await createTestApp(userActor(world.admin), world.group.slug);
    await addConsent(userActor(world.admin), world.group.slug, { clientId: app.clientId });
    const secret = await addSecret(app.id, inDays(now, 5));
    expect(await emitSecretExpiringEvents(now)).toEqual({ secrets: 1, events: 0 });
    expect(await getDb().webhookEvent.count({ where: { groupId: world.group.id } })).toBe(0);
    expect((await getDb().appSecret.findUniqueOrThrow({ where: { id: secret.id } })).expiryNotifiedAt).toEqual(now);
  });
});
