import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser, loadForPage } from "@/lib/auth/page-guards";
import { userActor } from "@/lib/auth/actor";
import { getAppDetails, listAppAudit } from "@/lib/apps/queries";
import { appFormValues } from "@/lib/apps/form-values";
import { AVAILABILITY_OPTIONS, CLIENT_TYPE_OPTIONS } from "@/lib/apps/labels";
import { MAX_LIVE_SECRETS } from "@/lib/apps/secrets";
import { AppForm } from "@/components/apps/app-form";
import { AppLogo } from "@/components/apps/app-logo";
import { DeleteApp } from "@/components/apps/delete-app";
import { SecretsPanel } from "@/components/apps/secrets-panel";
import { SecretValue } from "@/components/secret-value";
import { AuditList } from "@/components/apps/audit-list";
import { Badge, Card } from "@/components/ui";
import { getWebhookOverview } from "@/lib/webhooks/queries";
import { WebhookCard } from "@/components/webhooks/webhook-card";

export const metadata: Metadata = { title: "App settings" };

type Props = { params: Promise<{ group: string; clientId: string }> };

export default async function AppDetailsPage({ params }: Props) {
  const { group: slug, clientId } = await params;
  const user = await requirePageUser(`/g/${slug}/settings/apps/${clientId}`);
  const actor = userActor(user);
  const { app, ownerGroup, secrets } = await loadForPage(() => getAppDetails(actor, clientId, slug));
  const [audit, webhook] = await Promise.all([listAppAudit(actor, clientId, slug), getWebhookOverview(actor, clientId, slug)]);
  const iso = (date: Date | null) => date?.toISOString() ?? null;

  return (
    <div className="space-y-8">
      <Link href={`/g/${slug}/settings/apps`} className="text-sm font-medium text-brand-600 hover:text-brand-700">← Apps</Link>
      <div className="flex flex-wrap items-center gap-4">
        <AppLogo name={app.name} logoUrl={app.logoUrl} size="h-14 w-14" />
        <div>
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="app-name">{app.name}</h1>
          <div className="mt-1 flex flex-wrap gap-2">
            <Badge>{CLIENT_TYPE_OPTIONS[app.clientType].label} client</Badge>
            <Badge tone="brand">{AVAILABILITY_OPTIONS[app.availability].label}</Badge>
            {app.isMentionable && <Badge tone="green">Mentionable</Badge>}
            {app.status === "SUSPENDED" && <Badge tone="red">Suspended</Badge>}
          </div>
        </div>
      </div>

      <Card className="space-y-5 p-6">
        <h2 className="text-base font-semibold">Credentials</h2>
        <SecretValue label="Client ID" value={app.clientId} testId="client-id" />
        {app.clientType === "CONFIDENTIAL" ? (
          <SecretsPanel
            groupSlug={slug}
            clientId={app.clientId}
            maxLive={MAX_LIVE_SECRETS}
            secrets={secrets.map((secret) => ({ ...secret, createdAt: secret.createdAt.toISOString(), lastUsedAt: iso(secret.lastUsedAt), expiresAt: iso(secret.expiresAt), revokedAt: iso(secret.revokedAt) }))}
          />
        ) : (
          <p className="text-sm text-slate-600">Public client: no Client Secret. The app must use PKCE (S256) on every authorization.</p>
        )}
      </Card>

      <WebhookCard groupSlug={slug} overview={webhook} />

      <section>
        <h2 className="mb-3 text-base font-semibold">Settings</h2>
        <AppForm
          groupSlug={slug}
          clientId={app.clientId}
          defaultValues={appFormValues(app)}
          canPublishGlobal={user.isPlatformAdmin && ownerGroup.organization.isPlatform}
        />
      </section>

      <Card className="p-6">
        <h2 className="text-base font-semibold">Activity</h2>
        <AuditList entries={audit} />
      </Card>

      <Card className="border-rose-200 p-6">
        <h2 className="mb-3 text-base font-semibold text-rose-800">Delete app</h2>
        <DeleteApp groupSlug={slug} clientId={app.clientId} name={app.name} />
      </Card>
    </div>
  );
}
