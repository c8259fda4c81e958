import { removeConsent } from "@/lib/consent/mutations";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { resolveGroupSlug } from "./resolve-group";
import { CONSENT_REMOVE_USAGE } from "./usage";

// `consent remove`: removeConsent revokes a live installation of the group
// (admins only; another group's or a revoked installation is "not found").
export const consentRemove = defineCommand({
  name: "consent remove",
  usage: CONSENT_REMOVE_USAGE,
  options: { group: { type: "string" } },
  positionals: ["installation_id"],
  async run({ positionals: [installationId], values, actor, json, io }) {
    const groupSlug = await resolveGroupSlug(values.group);
    await removeConsent(actor, groupSlug, installationId);
    if (json) return writeJson(io, { installation_id: installationId, group: groupSlug, removed: true });
    io.out(`Removed installation ${installationId} from ${groupSlug}.`);
  },
});
