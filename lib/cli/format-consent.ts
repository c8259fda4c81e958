import type { InstalledApp } from "@/lib/consent/queries";
import { formatDate } from "./format-app";
import { formatTable } from "./format-table";

// Human output of the consent commands. Scopes are comma-joined so each cell
// stays one word.
export function formatInstalledAppTable(installed: InstalledApp[]): string[] {
  const rows = installed.map((row) => [
    row.installationId,
    row.app.name,
    row.app.clientId,
    row.scopes.join(","),
    row.bot.displayName,
    row.installedBy,
    formatDate(row.installedAt),
  ]);
  return formatTable(["INSTALLATION_ID", "APP", "CLIENT_ID", "SCOPES", "BOT", "INSTALLED_BY", "INSTALLED_AT"], rows);
}
