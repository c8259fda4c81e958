import type { InstallationDetails } from "@/lib/consent/installation-details";
import { formatDate } from "./format-app";

// Human output of `installations show`: the app's name, then "Label:  value"
// lines (a missing value is "-", a time never reached is "never").

const never = (date: Date | null) => (date ? formatDate(date) : "never");

export function formatInstallationDetails(details: InstallationDetails): string[] {
  const fields: [string, string][] = [
    ["Installation ID", details.id],
    ["App", `${details.app.name} (${details.app.clientId})`],
    ["Publisher", details.app.publisher],
    ["Group", `${details.group.slug} (${details.group.name})`],
    ["Status", details.status === "INSTALLED" ? "Installed" : "Revoked"],
    ["Scopes", details.scopes.join(" ")],
    ["Bot", `${details.bot.displayName} (${details.bot.subject})`],
    ["Mentionable", details.app.isMentionable ? "yes" : "no"],
    ["Installed by", details.installedBy?.name ?? "An operator"],
    ["Installed at", formatDate(details.installedAt)],
    ...(details.status === "REVOKED"
      ? ([["Revoked by", details.revokedBy?.name ?? "An operator"], ["Revoked at", formatDate(details.revokedAt)]] as [string, string][])
      : []),
    ["Last used", never(details.lastUsedAt)],
    ["Last bot token", never(details.lastBotTokenAt)],
    ["Setup", details.setupStatus === "complete" ? `complete (${formatDate(details.setupCompletedAt)})` : "waiting for the app to finish setup"],
    ["Setup URL", details.app.setupUrl ?? ""],
    ["Webhook URL", details.app.webhookUrl ?? ""],
    ["People", String(details.people)],
  ];
  const width = Math.max(...fields.map(([label]) => label.length)) + 2;
  return [details.app.name, ...fields.map(([label, value]) => `  ${`${label}:`.padEnd(width)}${value || "-"}`)];
}
