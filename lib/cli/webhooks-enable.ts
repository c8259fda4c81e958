import { reenableWebhook } from "@/lib/webhooks/management";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { WEBHOOKS_ENABLE_USAGE } from "./usage";

// `webhooks enable`: re-enables a paused webhook by hand (its pending events
// go out again); an active one is left as it is.
export const webhooksEnable = defineCommand({
  name: "webhooks enable",
  usage: WEBHOOKS_ENABLE_USAGE,
  options: {},
  positionals: ["client_id"],
  async run({ positionals: [clientId], actor, json, io }) {
    const changed = await reenableWebhook(actor, clientId.trim());
    if (json) return writeJson(io, { client_id: clientId.trim(), enabled: true, changed });
    io.out(changed ? `Re-enabled webhook deliveries for ${clientId.trim()}.` : `Webhook deliveries for ${clientId.trim()} were not paused.`);
  },
});
