import { deleteApp } from "@/lib/apps/mutations";
import { usageError } from "./cli-error";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { APPS_DELETE_USAGE } from "./usage";

// `apps delete`: deleteApp checks --confirm against the app's exact name
// (VALIDATION otherwise), like the web UI's typed confirmation.
export const appsDelete = defineCommand({
  name: "apps delete",
  usage: APPS_DELETE_USAGE,
  options: { confirm: { type: "string" } },
  positionals: ["client_id"],
  async run({ positionals: [clientId], values, actor, json, io }) {
    if (values.confirm === undefined) throw usageError('Missing --confirm <exact app name> for "apps delete"');
    await deleteApp(actor, clientId, { confirmName: values.confirm });
    if (json) return writeJson(io, { client_id: clientId, deleted: true });
    io.out(`Deleted "${values.confirm.trim()}" (${clientId}) and its secrets.`);
  },
});
