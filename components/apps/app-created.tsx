"use client";

import Link from "next/link";
import { SecretValue } from "@/components/secret-value";
import { primaryButton } from "@/components/form/field";
import { WebhookSecretOnce } from "@/components/webhooks/webhook-secret-once";

export type CreatedAppResult = { clientId: string; name: string; clientType: "CONFIDENTIAL" | "PUBLIC"; clientSecret: string | null; webhookSecret: string | null };

// Shown once, right after registration: the only time the secret is visible.
export function AppCreated({ groupSlug, result }: { groupSlug: string; result: CreatedAppResult }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <div className="flex items-center gap-3">
        <span className="flex h-9 w-9 items-center justify-center rounded-full bg-emerald-100 text-emerald-700" aria-hidden="true">✓</span>
        <div>
          <h2 className="text-lg font-semibold text-slate-900">{result.name} is registered</h2>
          <p className="text-sm text-slate-600">Copy its credentials into your app&apos;s configuration.</p>
        </div>
      </div>
      <div className="mt-6 space-y-4">
        <SecretValue label="Client ID" value={result.clientId} testId="client-id" />
        {result.clientSecret ? (
          <>
            <SecretValue label="Client Secret" value={result.clientSecret} testId="client-secret" />
            <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <strong>Copy the Client Secret now.</strong> It will not be shown again: Tessera stores only a hash of it. If you lose it, generate a new secret from the app&apos;s settings.
            </div>
          </>
        ) : (
          <p className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
            This is a public client: it has no Client Secret. It signs people in with the authorization code flow and PKCE (S256).
          </p>
        )}
        {result.webhookSecret && <WebhookSecretOnce secret={result.webhookSecret} />}
      </div>
      <div className="mt-6 rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-700">
        Registering enables nothing yet: a group admin must <strong>Add Consent</strong> before anyone can use the app in a group.
      </div>
      <div className="mt-6 flex justify-end">
        <Link href={`/g/${groupSlug}/settings/apps/${result.clientId}`} className={primaryButton}>
          Go to app settings
        </Link>
      </div>
    </div>
  );
}
