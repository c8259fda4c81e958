import { createApp } from "@/lib/apps/mutations";
import { toAppJson } from "./app-json";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { clientTypeLabel, groupPath } from "./format-app";
import { findGroupWithOrganization } from "./queries";
import { REGISTRATION_OPTIONS, toRegistrationInput } from "./registration-input";
import { resolveGroupSlug } from "./resolve-group";
import { APPS_CREATE_USAGE } from "./usage";

// `apps create`: registers an app through createApp (the web UI's own
// mutation: role checks, zod validation, audit) and prints its secret once.
export const appsCreate = defineCommand({
  name: "apps create",
  usage: APPS_CREATE_USAGE,
  options: REGISTRATION_OPTIONS,
  positionals: [],
  async run({ values, actor, json, io }) {
    const groupSlug = await resolveGroupSlug(values.group);
    const { app, clientSecret, webhookSecret } = await createApp(actor, groupSlug, toRegistrationInput(values));
    // The secret exists only in this process now: nothing after createApp
    // may fail on a permission check, so the group is a plain read.
    const ownerGroup = (await findGroupWithOrganization(groupSlug)) ?? { slug: groupSlug, organization: { slug: "" } };
    if (json) return writeJson(io, { ...toAppJson(app, ownerGroup), client_secret: clientSecret, webhook_secret: webhookSecret });

    io.out(`Registered "${app.name}" in ${groupPath(ownerGroup)}.`);
    io.out(`  Client ID:     ${app.clientId}`);
    io.out(`  Client type:   ${clientTypeLabel(app)}`);
    if (webhookSecret) io.out(`  Webhook signing secret: ${webhookSecret}`);
    if (clientSecret === null) {
      io.out("  Client secret: none (public client: signs in with PKCE)");
    } else {
      io.out(`  Client secret: ${clientSecret}`);
    }
    if (clientSecret || webhookSecret) io.out("Copy the secrets now: they will not be shown again.");
  },
});
