import { getAppDetails } from "@/lib/apps/queries";
import { toAppJson, toSecretJson } from "./app-json";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { formatAppDetails } from "./format-app";
import { APPS_SHOW_USAGE } from "./usage";

// `apps show`: every setting and every secret (hint and dates, never a hash),
// for those who may manage the app.
export const appsShow = defineCommand({
  name: "apps show",
  usage: APPS_SHOW_USAGE,
  options: {},
  positionals: ["client_id"],
  async run({ positionals: [clientId], actor, json, io }) {
    const details = await getAppDetails(actor, clientId);
    if (json) return writeJson(io, { ...toAppJson(details.app, details.ownerGroup), secrets: details.secrets.map(toSecretJson) });
    for (const line of formatAppDetails(details)) io.out(line);
  },
});
