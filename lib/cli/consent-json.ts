import type { ConsentResult } from "@/lib/consent/mutations";
import type { InstalledApp } from "@/lib/consent/queries";

// The JSON shapes of the consent commands' --json output: snake_case keys,
// ISO dates, like app-json.ts.

export function toConsentResultJson(result: ConsentResult, groupSlug: string, clientId: string) {
  return {
    installation_id: result.installationId,
    created: result.created,
    group: groupSlug,
    app: clientId,
    setup_url: result.setupUrl,
  };
}

export function toInstalledAppJson(installed: InstalledApp) {
  return {
    installation_id: installed.installationId,
    client_id: installed.app.clientId,
    app_name: installed.app.name,
    scopes: installed.scopes,
    bot_id: installed.bot.id,
    bot_name: installed.bot.displayName,
    installed_by: installed.installedBy,
    installed_at: installed.installedAt.toISOString(),
    last_used_at: installed.lastUsedAt?.toISOString() ?? null,
  };
}
