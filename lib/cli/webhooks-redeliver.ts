import { redeliverWebhookEvent } from "@/lib/webhooks/management";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { WEBHOOKS_REDELIVER_USAGE } from "./usage";

// `webhooks redeliver`: sends an event again (same id, same body) as soon as
// the server's worker is free; refused while the app's webhook is paused.
export const webhooksRedeliver = defineCommand({
  name: "webhooks redeliver",
  usage: WEBHOOKS_REDELIVER_USAGE,
  options: {},
  positionals: ["event_id"],
  async run({ positionals: [eventId], actor, json, io }) {
    const result = await redeliverWebhookEvent(actor, eventId.trim());
    if (json) return writeJson(io, { id: result.eventId, event: result.event, action: result.action, client_id: result.clientId, status: "pending", redelivered: true });
    io.out(`Queued ${result.event}.${result.action} ${result.eventId} for redelivery to ${result.appName}.`);
  },
});
