import Link from "next/link";
import type { BrowsePage } from "@/lib/consent/queries";
import { TAB_LABELS } from "@/lib/consent/queries";
import { BROWSE_TABS, type BrowseTab } from "@/lib/consent/visibility";
import { AppLogo } from "@/components/apps/app-logo";
import { Badge, Card } from "@/components/ui";
import { AddConsentDialog } from "./add-consent-dialog";
import { ScopeChips } from "./scope-chips";

type Props = { groupSlug: string; groupName: string; isAdmin: boolean; page: BrowsePage };

const TAB_HINTS: Record<BrowseTab, string> = {
  group: "Apps registered by this group.",
  organization: "Apps other groups of your organization share.",
  global: "Apps published by the platform for every customer.",
};

// Browse App Registrations: tabs, search and pages all live in the URL.
export function BrowsePanel({ groupSlug, groupName, isAdmin, page }: Props) {
  const { tab, q, page: current } = page.query;
  const base = `/g/${groupSlug}/settings/apps`;
  const href = (next: { tab?: BrowseTab; page?: number; q?: string }) => {
    const params = new URLSearchParams({ tab: next.tab ?? tab });
    const query = next.q ?? (next.tab && next.tab !== tab ? "" : q);
    if (query) params.set("q", query);
    if (next.page && next.page > 1) params.set("page", String(next.page));
    return `${base}?${params}`;
  };

  return (
    <Card>
      <div className="border-b border-slate-200 px-6 pt-5">
        <h2 className="text-base font-semibold">Browse App Registrations</h2>
        <nav aria-label="Registration scope" className="mt-3 flex gap-6">
          {BROWSE_TABS.map((name) => (
            <Link key={name} href={href({ tab: name })} aria-current={name === tab ? "page" : undefined}
              className={`border-b-2 pb-3 text-sm font-medium ${name === tab ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800"}`}>
              {TAB_LABELS[name]}
            </Link>
          ))}
        </nav>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <p className="text-sm text-slate-600">{TAB_HINTS[tab]}</p>
        <form action={base} className="flex gap-2" role="search">
          <input type="hidden" name="tab" value={tab} />
          <input type="search" name="q" defaultValue={q} placeholder="Search by name" aria-label="Search apps by name"
            className="w-56 rounded-lg border border-slate-300 px-3 py-1.5 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500" />
          <button type="submit" className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">Search</button>
        </form>
      </div>
      {page.entries.length === 0 ? (
        <p className="border-t border-slate-100 px-6 py-10 text-center text-sm text-slate-600">
          {q ? `No app matches “${q}”.` : tab === "group" ? "This group has not registered an app yet." : "Nothing has been shared here yet."}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 border-t border-slate-100" aria-label="App registrations">
          {page.entries.map((entry) => (
            <li key={entry.clientId} className="flex flex-wrap items-start gap-4 px-6 py-4" data-testid="registration">
              <AppLogo name={entry.name} logoUrl={entry.logoUrl} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{entry.name}</span>
                  {entry.verified && <Badge tone="brand">✓ Verified</Badge>}
                  {entry.installationId && <Badge tone="green">Installed</Badge>}
                  {entry.status === "SUSPENDED" && <Badge tone="red">Suspended</Badge>}
                </div>
                <p className="text-xs text-slate-500">by {entry.publisher}</p>
                <p className="mt-1 line-clamp-2 text-sm text-slate-600">{entry.description || "No description"}</p>
                <div className="mt-2"><ScopeChips scopes={entry.scopes} /></div>
              </div>
              <div className="flex shrink-0 items-center gap-3">
                {isAdmin && tab === "group" && (
                  <Link href={`${base}/${entry.clientId}`} className="text-sm font-medium text-brand-600 hover:text-brand-700">Manage</Link>
                )}
                {isAdmin && !entry.installationId && entry.status === "ACTIVE" && (
                  <AddConsentDialog groupSlug={groupSlug} groupName={groupName} app={{ clientId: entry.clientId, name: entry.name, scopes: entry.scopes, setupUrl: entry.setupUrl }} />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {page.pageCount > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-between border-t border-slate-100 px-6 py-3 text-sm">
          {current > 1 ? <Link href={href({ page: current - 1 })} className="font-medium text-brand-600">← Previous</Link> : <span />}
          <span className="text-slate-500">Page {current} of {page.pageCount} · {page.total} apps</span>
          {current < page.pageCount ? <Link href={href({ page: current + 1 })} className="font-medium text-brand-600">Next →</Link> : <span />}
        </nav>
      )}
    </Card>
  );
}
