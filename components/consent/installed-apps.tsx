import Link from "next/link";
import type { InstalledApp } from "@/lib/consent/queries";
import { AppLogo } from "@/components/apps/app-logo";
import { Card, formatDate } from "@/components/ui";
import { RemoveConsentButton } from "./remove-consent-button";
import { ScopeChips } from "./scope-chips";

// The apps this group has consented to, with who added them and when.
export function InstalledApps({ groupSlug, isAdmin, installed }: { groupSlug: string; isAdmin: boolean; installed: InstalledApp[] }) {
  return (
    <Card>
      <div className="border-b border-slate-200 px-6 py-4">
        <h2 className="text-base font-semibold">Installed apps</h2>
        <p className="text-sm text-slate-600">Apps this group has enabled with Add Consent. Their permissions here are the group&apos;s ceiling.</p>
      </div>
      {installed.length === 0 ? (
        <p className="px-6 py-8 text-center text-sm text-slate-600">No app is enabled for this group yet. Find one below and Add Consent.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Installed apps">
          {installed.map((item) => (
            <li key={item.installationId} className="flex flex-wrap items-start gap-4 px-6 py-4" data-testid="installation">
              <AppLogo name={item.app.name} logoUrl={item.app.logoUrl} />
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  <Link href={`/g/${groupSlug}/settings/apps/installations/${item.installationId}`} className="hover:text-brand-700 hover:underline">{item.app.name}</Link>
                </p>
                <p className="text-xs text-slate-500">
                  Consent added by {item.installedBy} · {formatDate(item.installedAt)} · Last used {item.lastUsedAt ? formatDate(item.lastUsedAt) : "never"}
                </p>
                <p className="text-xs text-slate-500">Bot: {item.bot.displayName} · Installation ID <code className="font-mono">{item.installationId}</code></p>
                <div className="mt-2"><ScopeChips scopes={item.scopes} /></div>
              </div>
              {isAdmin && (
                <div className="flex shrink-0 items-center gap-4">
                  {item.app.setupUrl && <a href={item.app.setupUrl} className="text-sm font-medium text-brand-600 hover:text-brand-700">Continue setup</a>}
                  <RemoveConsentButton groupSlug={groupSlug} installationId={item.installationId} appName={item.app.name} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
