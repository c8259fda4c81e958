import { listGroupApps } from "@/lib/apps/queries";
import { notFound } from "@/lib/errors";
import { toAppJson } from "./app-json";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { formatAppTable } from "./format-app";
import { findGroupWithOrganization } from "./queries";
import { resolveGroupSlug } from "./resolve-group";
import { APPS_LIST_USAGE } from "./usage";

// `apps list`: the apps a group registered, as a table or a JSON array.
export const appsList = defineCommand({
  name: "apps list",
  usage: APPS_LIST_USAGE,
  options: { group: { type: "string" } },
  positionals: [],
  async run({ values, actor, json, io }) {
    const groupSlug = await resolveGroupSlug(values.group);
    // listGroupApps checks the actor may see the group before anything is read.
    const apps = await listGroupApps(actor, groupSlug);
    if (json) {
      const group = await findGroupWithOrganization(groupSlug);
      if (!group) throw notFound("Group not found");
      return writeJson(io, apps.map((app) => toAppJson(app, group)));
    }
    if (apps.length === 0) return io.out(`No apps registered in ${groupSlug}.`);
    for (const line of formatAppTable(apps)) io.out(line);
  },
});
