import { toPlaneInstallation, type InstallationDetails } from "@/lib/consent/installation-details";

// The --json shape of `installations show`: Plane's app-installation object
// (what GET /auth/o/app-installation/?id=<id> returns), plus Tessera's own
// facts in the same snake_case style.
export function toInstallationJson(details: InstallationDetails) {
  return {
    ...toPlaneInstallation(details),
    client_id: details.app.clientId,
    scopes: details.scopes,
    setup_status: details.setupStatus,
    last_bot_token_at: details.lastBotTokenAt?.toISOString() ?? null,
    last_used_at: details.lastUsedAt?.toISOString() ?? null,
  };
}
