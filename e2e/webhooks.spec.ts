import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { getDb } from "../lib/db";
import { userActor } from "../lib/auth/actor";
import { addConsent } from "../lib/consent/mutations";
import { createGroupWithMembers, TEST_PASSWORD } from "../lib/testing/factories";
import { createTestApp } from "../lib/testing/app-factories";
import { signIn, snapshot } from "./helpers";

// The server under test allows http webhooks to loopback (playwright.config.ts);
// this process registers the app through the same data layer, so it must too.
process.env.TESSERA_WEBHOOKS_ALLOW_LOOPBACK = "1";

type Received = { headers: http.IncomingHttpHeaders; body: string };
type Receiver = { url: string; received: Received[]; close: () => Promise<void> };

// The app's webhook endpoint: a real HTTP server on 127.0.0.1 that keeps
// every request and answers 200 with a small JSON body.
async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ received: true, count: received.length }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/tessera`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let receiver: Receiver;
test.beforeEach(async () => {
  receiver = await startReceiver();
});
test.afterEach(async () => receiver.close());

// A group whose admin registered an app with a webhook pointing at the
// receiver and installed it: the installation itself emits app.installed.
async function seedInstalledWebhookApp() {
  const world = await createGroupWithMembers();
  const actor = userActor(world.admin);
  const { app, webhookSecret } = await createTestApp(actor, world.group.slug, {
    name: `Hook Catcher ${randomBytes(3).toString("hex")}`,
    webhookUrl: receiver.url,
  });
  expect(webhookSecret).toMatch(/^whsec_/);
  const { installationId } = await addConsent(actor, world.group.slug, { clientId: app.clientId });
  return { ...world, app, webhookSecret: webhookSecret!, installationId };
}

const eventIds = () => receiver.received.map((request) => request.headers["webhook-id"]);

test("an admin sees a delivery in the log, opens it and redelivers it", async ({ page }) => {
  const { admin, group, app, webhookSecret, installationId } = await seedInstalledWebhookApp();

  // The server's own worker delivers the install event, signed with the app's secret.
  await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
  const [first] = receiver.received;
  const eventId = first.headers["webhook-id"] as string;
  expect(JSON.parse(first.body)).toMatchObject({ id: eventId, event: "app", action: "installed", installation_id: installationId, workspace_id: group.id });
  expect(first.headers["x-plane-signature"]).toBe(createHmac("sha256", webhookSecret).update(first.body).digest("hex"));

  await signIn(page, admin.email, TEST_PASSWORD);
  await page.waitForURL(/\/g\//);
  await page.goto(`/g/${group.slug}/settings/apps/${app.clientId}`);
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Webhook", exact: true }) });
  await expect(card.getByTestId("webhook-url")).toHaveText(receiver.url);
  await expect(card.getByTestId("webhook-secret-hint")).toHaveText(`whsec_…${webhookSecret.slice(-4)}`);
  await expect(card.getByTestId("webhook-counts")).toHaveText("1 delivered · 0 pending · 0 failed");
  expect(await page.content()).not.toContain(webhookSecret);
  await card.scrollIntoViewIfNeeded();
  await snapshot(page, "webhook-card");

  await card.getByRole("link", { name: "View delivery log →" }).click();
  await expect(page.getByRole("heading", { name: "Webhook deliveries" })).toBeVisible();
  const row = page.getByTestId("delivery-row").filter({ hasText: "app.installed" });
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute("data-event-id", eventId);
  await expect(row).toContainText("Delivered");
  await expect(row.getByTestId("delivery-response")).toHaveText("200");
  await expect(row).toContainText(group.name);
  await snapshot(page, "webhook-deliveries");

  // The status filter lives in the URL.
  await page.getByLabel("Status").selectOption("failed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByText("No delivery matches this filter.")).toBeVisible();
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByLabel("Status")).toHaveValue("");

  await page.getByTestId("delivery-row").filter({ hasText: "app.installed" }).getByRole("link", { name: /Show details/ }).click();
  const detail = page.getByTestId("delivery-detail");
  await expect(detail.getByTestId("delivery-event-id")).toHaveText(eventId);
  await expect(detail.getByTestId("delivery-body")).toContainText('"action": "installed"');
  await expect(detail.getByTestId("delivery-attempt")).toHaveCount(1);
  await expect(detail.getByTestId("delivery-attempt")).toContainText("HTTP 200");
  await expect(detail.getByTestId("attempt-request-headers")).toContainText(`webhook-id: ${eventId}`);
  await expect(detail.getByTestId("attempt-response")).toHaveText('{"received":true,"count":1}');
  await snapshot(page, "webhook-delivery-detail");

  await detail.getByRole("button", { name: "Redeliver" }).click();
  await expect(detail.getByRole("status")).toContainText("Queued");
  // The receiver gets the same event again: same id, same bytes.
  await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
  expect(eventIds()).toEqual([eventId, eventId]);
  expect(receiver.received[1].body).toBe(first.body);

  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("delivery-attempt")).toHaveCount(2, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("attempt-response").first()).toHaveText('{"received":true,"count":2}');
  await expect(page.getByTestId("delivery-row").filter({ hasText: "app.installed" })).toContainText("Delivered");

  // Regenerating the signing secret shows the new one once.
  await page.goto(`/g/${group.slug}/settings/apps/${app.clientId}`);
  await page.getByRole("button", { name: "Regenerate secret" }).click();
  await page.getByRole("dialog", { name: "Regenerate the webhook signing secret" }).getByRole("button", { name: "Regenerate" }).click();
  const fresh = (await page.getByTestId("new-webhook-secret").textContent())!;
  expect(fresh).toMatch(/^whsec_/);
  expect(fresh).not.toBe(webhookSecret);
  await expect(page.getByTestId("webhook-secret-hint")).toHaveText(`whsec_…${fresh.slice(-4)}`);
});

test("a paused webhook shows a banner to the group's admins until it is re-enabled", async ({ page }) => {
  const { admin, member, group, app } = await seedInstalledWebhookApp();
  await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
  await getDb().webhook.update({
    where: { appId: app.id },
    data: { disabledAt: new Date(), disabledReason: "20 delivery attempts in a row failed (last: HTTP 500)", consecutiveFailures: 20 },
  });

  // Members see no banner.
  await signIn(page, member.email, TEST_PASSWORD);
  await page.waitForURL(/\/g\//);
  await page.goto(`/g/${group.slug}`);
  await expect(page.getByTestId("group-name")).toHaveText(group.name);
  await expect(page.getByTestId("paused-webhooks")).toHaveCount(0);
  await page.context().clearCookies();

  await signIn(page, admin.email, TEST_PASSWORD);
  await page.waitForURL(/\/g\//);
  await page.goto(`/g/${group.slug}`);
  const banner = page.getByTestId("paused-webhooks");
  await expect(banner).toContainText(`Webhook deliveries to ${app.name} are paused: 20 delivery attempts in a row failed (last: HTTP 500).`);
  await snapshot(page, "webhook-paused-banner");

  await banner.getByRole("link", { name: "app's settings" }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/apps/${app.clientId}#webhook$`));
  await expect(page.getByTestId("webhook-paused")).toContainText("Deliveries are paused");
  await snapshot(page, "webhook-card-paused");
  await page.getByRole("button", { name: "Re-enable deliveries" }).click();
  await expect(page.getByTestId("webhook-paused")).toHaveCount(0);
  await expect(page.getByTestId("paused-webhooks")).toHaveCount(0);
  expect(await getDb().webhook.findUniqueOrThrow({ where: { appId: app.id } })).toMatchObject({ disabledAt: null, consecutiveFailures: 0 });
});
