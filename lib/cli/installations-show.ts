import { getInstallationDetails } from "@/lib/consent/installation-details";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { formatInstallationDetails } from "./installations-format";
import { toInstallationJson } from "./installations-json";
import { resolveGroupSlug } from "./resolve-group";
import { INSTALLATIONS_SHOW_USAGE } from "./usage";

// `installations show`: one installation, live or revoked, for any member of
// its group. With --group, an installation of another group is "not found".
export const installationsShow = defineCommand({
  name: "installations show",
  usage: INSTALLATIONS_SHOW_USAGE,
  options: { group: { type: "string" } },
  positionals: ["installation_id"],
  async run({ positionals: [installationId], values, actor, json, io }) {
    const groupSlug = values.group === undefined ? undefined : await resolveGroupSlug(values.group);
    const details = await getInstallationDetails(actor, groupSlug, installationId);
    if (json) return writeJson(io, toInstallationJson(details));
    for (const line of formatInstallationDetails(details)) io.out(line);
  },
});
