import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser, loadForPage } from "@/lib/auth/page-guards";
import { userActor } from "@/lib/auth/actor";
import { getDelivery, getWebhookOverview, listDeliveries, type DeliveryDetail } from "@/lib/webhooks/queries";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { Badge, PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "Webhook deliveries" };

type Props = { params: Promise<{ group: string; clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function WebhookDeliveriesPage({ params, searchParams }: Props) {
  const { group: slug, clientId } = await params;
  const search = await searchParams;
  const user = await requirePageUser(`/g/${slug}/settings/apps/${clientId}/webhook`);
  const actor = userActor(user);
  const overview = await loadForPage(() => getWebhookOverview(actor, clientId, slug));
  const page = await loadForPage(() =>
    listDeliveries(actor, clientId, { groupSlug: slug, installationId: one(search.installation), status: one(search.status), page: one(search.page) }),
  );
  const eventId = one(search.event);
  // An event id that isn't this app's (or doesn't exist) just opens nothing.
  const expanded: DeliveryDetail | null = eventId ? await getDelivery(actor, eventId, slug).catch(() => null) : null;
  const opened = expanded && expanded.app.id === overview.app.id ? expanded : null;

  return (
    <div className="space-y-6">
      <Link href={`/g/${slug}/settings/apps/${clientId}`} className="text-sm font-medium text-brand-600 hover:text-brand-700">← {overview.app.name}</Link>
      <PageHeader
        title="Webhook deliveries"
        description={`Every event sent to ${overview.app.name}, for each group where it is installed: what was sent, what came back, and when it is tried again.`}
        actions={overview.webhook?.disabledAt ? <Badge tone="red">Paused</Badge> : overview.webhook ? <Badge tone="green">Active</Badge> : undefined}
      />
      {overview.url && (
        <p className="text-sm text-slate-600">
          Endpoint: <code className="break-all font-mono text-slate-900">{overview.url}</code>
        </p>
      )}
      {overview.webhook?.disabledAt && (
        <p role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          Deliveries are paused: {overview.webhook.disabledReason ?? "deliveries failed"}.{" "}
          <Link href={`/g/${slug}/settings/apps/${clientId}#webhook`} className="font-medium underline">Re-enable in the app&apos;s settings</Link>.
        </p>
      )}
      <DeliveryLog groupSlug={slug} overview={overview} page={page} expanded={opened} />
    </div>
  );
}
