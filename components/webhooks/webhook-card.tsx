import Link from "next/link";
import type { WebhookOverview } from "@/lib/webhooks/queries";
import { Badge, Card, formatDate } from "@/components/ui";
import { DELIVERY_STATUS_LABELS } from "./delivery-status";
import { ReenableWebhookButton } from "./reenable-webhook-button";
import { RegenerateSecretButton } from "./regenerate-secret-button";

type Props = { groupSlug: string; overview: WebhookOverview };

// The app's webhook on its settings page: where events go, the signing
// secret (regenerate: shown once), whether deliveries are paused, and the
// way to the delivery log.
export function WebhookCard({ groupSlug, overview }: Props) {
  const { app, url, webhook, counts } = overview;
  const logHref = `/g/${groupSlug}/settings/apps/${app.clientId}/webhook`;
  const total = counts.PENDING + counts.DELIVERED + counts.FAILED;

  return (
    <Card className="space-y-5 p-6">
      <div id="webhook" className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-base font-semibold">Webhook</h2>
        {webhook && url && (webhook.disabledAt ? <Badge tone="red">Paused</Badge> : <Badge tone="green">Active</Badge>)}
      </div>

      {!url && (
        <p className="text-sm text-slate-600">
          No webhook URL. Add one under <strong>Installation</strong> in the settings below to receive a signed POST for every change in the groups
          where {app.name} is installed.
        </p>
      )}

      {webhook?.disabledAt && (
        <div role="alert" data-testid="webhook-paused" className="space-y-3 rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm text-rose-900">
          <p>
            <strong>Deliveries are paused</strong> since {formatDate(webhook.disabledAt)}: {webhook.disabledReason ?? "deliveries failed"}. Events are
            kept and go out once you re-enable the webhook.
          </p>
          <ReenableWebhookButton groupSlug={groupSlug} clientId={app.clientId} />
        </div>
      )}

      <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-[10rem_1fr]">
        {url && (
          <>
            <dt className="font-medium text-slate-500">Endpoint</dt>
            <dd><code data-testid="webhook-url" className="break-all font-mono text-sm text-slate-900">{url}</code></dd>
          </>
        )}
        {(url || webhook) && (
          <>
            <dt className="font-medium text-slate-500">Signing secret</dt>
            <dd className="space-y-3">
              {webhook ? (
                <p>
                  <span data-testid="webhook-secret-hint" className="font-mono">whsec_…{webhook.secretHint}</span>
                  <span className="text-slate-500"> · created {formatDate(webhook.secretCreatedAt)}</span>
                </p>
              ) : (
                <p className="text-slate-600">No signing secret yet.</p>
              )}
              <RegenerateSecretButton groupSlug={groupSlug} clientId={app.clientId} hasSecret={!!webhook} />
            </dd>
          </>
        )}
        {webhook && (
          <>
            <dt className="font-medium text-slate-500">Deliveries</dt>
            <dd className="space-y-1">
              <p data-testid="webhook-counts">
                {(["DELIVERED", "PENDING", "FAILED"] as const).map((status, index) => (
                  <span key={status}>
                    {index > 0 && " · "}
                    {counts[status]} {DELIVERY_STATUS_LABELS[status].toLowerCase()}
                  </span>
                ))}
              </p>
              {webhook.consecutiveFailures > 0 && !webhook.disabledAt && (
                <p className="text-amber-800">
                  {webhook.consecutiveFailures} failed {webhook.consecutiveFailures === 1 ? "attempt" : "attempts"} in a row.
                </p>
              )}
            </dd>
          </>
        )}
      </dl>

      {webhook && (
        <div className="border-t border-slate-100 pt-4">
          <Link href={logHref} className="text-sm font-medium text-brand-600 hover:text-brand-700">
            {total > 0 ? "View delivery log →" : "Open the delivery log →"}
          </Link>
        </div>
      )}
    </Card>
  );
}
