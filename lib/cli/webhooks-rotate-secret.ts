import { regenerateWebhookSecret } from "@/lib/webhooks/management";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { WEBHOOKS_ROTATE_SECRET_USAGE } from "./usage";

// `webhooks rotate-secret`: a new signing secret for the app's webhook,
// printed once (also the way to get one for an app registered with
// --webhook-url from the command line).
export const webhooksRotateSecret = defineCommand({
  name: "webhooks rotate-secret",
  usage: WEBHOOKS_ROTATE_SECRET_USAGE,
  options: {},
  positionals: ["client_id"],
  async run({ positionals: [clientId], actor, json, io }) {
    const { secret, hint } = await regenerateWebhookSecret(actor, clientId.trim());
    if (json) return writeJson(io, { client_id: clientId.trim(), webhook_secret: secret, hint });
    io.out(`New webhook signing secret for ${clientId.trim()}:`);
    io.out(`  ${secret}`);
    io.out("Copy it now: it will not be shown again. Deliveries are signed with it from now on.");
  },
});
