import type { AppDetails } from "@/lib/apps/queries";
import { AVAILABILITY_OPTIONS, CLIENT_TYPE_OPTIONS } from "@/lib/apps/labels";
import type { AppView, SecretView } from "@/lib/apps/view";
import type { GroupRef } from "./app-json";
import { formatTable } from "./format-table";

// Human output of the apps commands. Secrets appear only as their hint.

const NONE = "-";

export function formatDate(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")}Z` : NONE;
}

export const clientTypeLabel = (app: Pick<AppView, "clientType">) => CLIENT_TYPE_OPTIONS[app.clientType].label;
export const availabilityLabel = (app: Pick<AppView, "availability">) => AVAILABILITY_OPTIONS[app.availability].label;
export const statusLabel = (app: Pick<AppView, "status">) => app.status.charAt(0) + app.status.slice(1).toLowerCase();
export const groupPath = (group: GroupRef) => `${group.organization.slug}/${group.slug}`;

// "Label:   value" lines; a list value continues on indented lines.
function formatFields(fields: [string, string | string[]][]): string[] {
  const width = Math.max(...fields.map(([label]) => label.length)) + 2;
  return fields.flatMap(([label, value]) => {
    const values = Array.isArray(value) ? (value.length ? value : [NONE]) : [value || NONE];
    return values.map((item, index) => `  ${(index === 0 ? `${label}:` : "").padEnd(width)}${item}`);
  });
}

export function formatAppDetails({ app, ownerGroup, secrets }: AppDetails): string[] {
  const live = secrets.filter((secret) => secret.live).length;
  return [
    app.name,
    ...formatFields([
      ["Client ID", app.clientId],
      ["Group", `${groupPath(ownerGroup)} (${ownerGroup.organization.name} / ${ownerGroup.name})`],
      ["Client type", clientTypeLabel(app)],
      ["Availability", availabilityLabel(app)],
      ["Status", statusLabel(app)],
      ["Description", app.description],
      ["Redirect URIs", app.redirectUris],
      ["Scopes", app.scopes.join(" ")],
      ["Logo URL", app.logoUrl ?? ""],
      ["Homepage URL", app.homepageUrl ?? ""],
      ["Setup URL", app.setupUrl ?? ""],
      ["Webhook URL", app.webhookUrl ?? ""],
      ["Contact email", app.contactEmail],
      ["Privacy policy", app.privacyPolicyUrl ?? ""],
      ["Terms", app.termsUrl ?? ""],
      ["Publisher", app.publisherName],
      ["Publisher URL", app.publisherUrl ?? ""],
      ["Mentionable", app.isMentionable ? "yes" : "no"],
      ["Created", formatDate(app.createdAt)],
      ["Updated", formatDate(app.updatedAt)],
    ]),
    "",
    app.clientType === "PUBLIC" && secrets.length === 0 ? "Secrets: none (public client: signs in with PKCE)" : `Secrets (${live} live):`,
    ...(secrets.length ? formatSecretTable(secrets).map((line) => `  ${line}`) : []),
  ];
}

function formatSecretTable(secrets: SecretView[]): string[] {
  const rows = secrets.map((secret) => [
    secret.id,
    `...${secret.hint}`,
    formatDate(secret.createdAt),
    formatDate(secret.lastUsedAt),
    secret.expiresAt ? formatDate(secret.expiresAt) : "never",
    formatDate(secret.revokedAt),
    secret.live ? "yes" : "no",
  ]);
  return formatTable(["ID", "HINT", "CREATED", "LAST USED", "EXPIRES", "REVOKED", "LIVE"], rows);
}

export function formatAppTable(apps: AppView[]): string[] {
  const rows = apps.map((app) => [app.clientId, app.name, clientTypeLabel(app), availabilityLabel(app), statusLabel(app)]);
  return formatTable(["CLIENT_ID", "NAME", "TYPE", "AVAILABILITY", "STATUS"], rows);
}
