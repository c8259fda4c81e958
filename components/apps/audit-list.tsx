import type { AppAuditEntry } from "@/lib/apps/queries";
import { formatDate } from "@/components/ui";

const ACTION_TEXT: Record<string, string> = {
  "app.created": "registered the app",
  "app.updated": "changed settings",
  "app.secret_generated": "generated a client secret",
  "app.secret_revoked": "revoked a client secret",
  "app.deleted": "deleted the app",
  "webhook.secret_generated": "generated the webhook signing secret",
  "webhook.secret_regenerated": "regenerated the webhook signing secret",
  "webhook.enabled": "re-enabled webhook deliveries",
  "webhook.disabled": "webhook deliveries were paused",
  "webhook.redelivered": "redelivered a webhook event",
  "oauth.token_refused": "a token request was refused",
};

// An app's audit trail, newest first.
export function AuditList({ entries }: { entries: AppAuditEntry[] }) {
  if (entries.length === 0) return <p className="mt-2 text-sm text-slate-600">No activity yet.</p>;
  return (
    <ul className="mt-3 divide-y divide-slate-100 text-sm" aria-label="App activity">
      {entries.map((entry) => (
        <li key={entry.id} className="flex flex-wrap justify-between gap-2 py-2">
          <span>
            <span className="font-medium text-slate-900">{entry.actor}</span> {ACTION_TEXT[entry.action] ?? entry.action}
            <span className="text-slate-500">{describe(entry.details)}</span>
          </span>
          <span className="text-slate-500">{formatDate(entry.at)}</span>
        </li>
      ))}
    </ul>
  );
}

function describe(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  const value = details as { hint?: string; changed?: string[] };
  if (value.hint) return ` (…${value.hint})`;
  if (value.changed?.length) return `: ${value.changed.join(", ")}`;
  return "";
}
