import { REQUIRED_SCOPE, sortScopes } from "@/lib/apps/scopes";
import { addConsent } from "@/lib/consent/mutations";
import { listInstalledApps } from "@/lib/consent/queries";
import { usageError } from "./cli-error";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { toConsentResultJson } from "./consent-json";
import { resolveGroupSlug } from "./resolve-group";
import { CONSENT_ADD_USAGE } from "./usage";

// `consent add`: Add Consent through addConsent (the web UI's own mutation:
// admin check, where the app may be installed, scope ceiling, audit). It is
// idempotent: an app already installed keeps its installation and scopes.
export const consentAdd = defineCommand({
  name: "consent add",
  usage: CONSENT_ADD_USAGE,
  options: { group: { type: "string" }, app: { type: "string" }, scope: { type: "string", multiple: true } },
  positionals: [],
  async run({ values, actor, json, io }) {
    const groupSlug = await resolveGroupSlug(values.group);
    if (values.app === undefined) throw usageError('Missing --app <client_id> for "consent add"');
    const result = await addConsent(actor, groupSlug, { clientId: values.app, scopes: values.scope });
    // A plain read of what is now installed: the app's name and the scopes it kept.
    const installed = (await listInstalledApps(actor, groupSlug)).find((row) => row.installationId === result.installationId);
    const requested = values.scope && sortScopes([REQUIRED_SCOPE, ...values.scope]);
    if (!result.created && requested && installed && requested.join(" ") !== installed.scopes.join(" ")) {
      io.err(`Warning: the installation keeps its scopes (${installed.scopes.join(" ")}); remove it and add it again to change them.`);
    }
    if (json) return writeJson(io, toConsentResultJson(result, groupSlug, values.app.trim()));

    const name = installed?.app.name ?? values.app.trim();
    io.out(
      result.created
        ? `Installed ${name} in ${groupSlug}: installation ${result.installationId}`
        : `${name} is already installed in ${groupSlug}: installation ${result.installationId}`,
    );
    if (result.setupUrl) io.out(`Continue setup at ${result.setupUrl}`);
  },
});
