import { listDeliveries } from "@/lib/webhooks/queries";
import { usageError } from "./cli-error";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { formatDeliveryTable } from "./webhooks-format";
import { toDeliveryJson } from "./webhooks-json";
import { WEBHOOKS_DELIVERIES_USAGE } from "./usage";

const STATUSES = ["pending", "delivered", "failed"];
const PAGE_SIZE = 50;

// `webhooks deliveries`: an app's delivery log, newest first, for those who
// may manage the app (listDeliveries checks, like the web UI's log).
export const webhooksDeliveries = defineCommand({
  name: "webhooks deliveries",
  usage: WEBHOOKS_DELIVERIES_USAGE,
  options: { app: { type: "string" }, status: { type: "string" }, installation: { type: "string" }, page: { type: "string" } },
  positionals: [],
  async run({ values, actor, json, io }) {
    if (values.app === undefined) throw usageError('Missing --app <client_id> for "webhooks deliveries"');
    const status = values.status?.trim().toLowerCase();
    if (status !== undefined && !STATUSES.includes(status)) throw usageError(`--status must be one of ${STATUSES.join(", ")}`);
    const page = values.page === undefined ? 1 : Number(values.page);
    if (!Number.isInteger(page) || page < 1) throw usageError("--page must be a positive whole number");

    const result = await listDeliveries(actor, values.app.trim(), { status, installationId: values.installation, page, pageSize: PAGE_SIZE });
    const more = page < result.pageCount ? `Page ${page} of ${result.pageCount} (${result.total} deliveries): --page ${page + 1} for older ones.` : null;
    if (json) {
      writeJson(io, result.entries.map(toDeliveryJson));
      if (more) io.err(more);
      return;
    }
    if (result.entries.length === 0) return io.out(`No deliveries for ${result.app.name}${status ? ` with status ${status}` : ""}.`);
    for (const line of formatDeliveryTable(result.entries)) io.out(line);
    if (more) io.out(more);
  },
});
