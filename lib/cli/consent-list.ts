import { listInstalledApps } from "@/lib/consent/queries";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { toInstalledAppJson } from "./consent-json";
import { formatInstalledAppTable } from "./format-consent";
import { resolveGroupSlug } from "./resolve-group";
import { CONSENT_LIST_USAGE } from "./usage";

// `consent list`: a group's live installations, newest first, for any member.
export const consentList = defineCommand({
  name: "consent list",
  usage: CONSENT_LIST_USAGE,
  options: { group: { type: "string" } },
  positionals: [],
  async run({ values, actor, json, io }) {
    const groupSlug = await resolveGroupSlug(values.group);
    const installed = await listInstalledApps(actor, groupSlug);
    if (json) return writeJson(io, installed.map(toInstalledAppJson));
    if (installed.length === 0) return io.out(`No apps installed in ${groupSlug}.`);
    for (const line of formatInstalledAppTable(installed)) io.out(line);
  },
});
