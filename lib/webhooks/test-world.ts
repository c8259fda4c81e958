import { userActor } from "@/lib/auth/actor";
import { createGroupWithMembers } from "@/lib/testing/factories";
import { createTestApp } from "@/lib/testing/app-factories";
import { addConsent } from "@/lib/consent/mutations";
import { ensureWebhook, rotateWebhookSecret } from "./mutations";

// A group with an app that has a webhook, installed in the group: the
// receiving end of group events, for tests and the benchmark.
export async function createWebhookWorld(webhookUrl: string) {
  const { organization, group, admin } = await createGroupWithMembers();
  const actor = userActor(admin);
  const { app } = await createTestApp(actor, group.slug, { webhookUrl, clientType: "PUBLIC" });
  // Created here, or already by the app's registration (then a known secret is needed).
  const ensured = await ensureWebhook(app.id);
  const secret = ensured.secret ?? (await rotateWebhookSecret(app.id)).secret;
  const { installationId } = await addConsent(actor, group.slug, { clientId: app.clientId });
  return { organization, group, admin, actor, app, webhookId: ensured.webhookId, secret, installationId };
}
