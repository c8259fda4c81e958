import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guards";
import { listGroupsForUser } from "@/lib/groups/queries";
import { listConnectedApps } from "@/lib/oidc/grants";
import { AppShell } from "@/components/app-shell";
import { AppLogo } from "@/components/apps/app-logo";
import { ScopeChips } from "@/components/consent/scope-chips";
import { RevokeConnectionButton } from "@/components/account/revoke-connection-button";
import { Card, EmptyState, PageHeader, formatDate } from "@/components/ui";

export const metadata: Metadata = { title: "Connected apps" };

export default async function ConnectedAppsPage() {
  const user = await requirePageUser("/account/apps");
  const [groups, connected] = await Promise.all([listGroupsForUser(user.id), listConnectedApps(user.id)]);
  return (
    <AppShell user={user} groups={groups}>
      <PageHeader title="Connected apps" description="Apps you have allowed to act for you, each in one group. Revoking ends the app's access and every token at once." />
      {connected.length === 0 ? (
        <EmptyState title="No connected apps">When you allow an app on a Tessera consent screen, it is listed here.</EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" aria-label="Connected apps">
            {connected.map((item) => (
              <li key={item.grantId} className="flex flex-wrap items-start gap-4 px-6 py-4" data-testid="connected-app">
                <AppLogo name={item.app.name} logoUrl={item.app.logoUrl} />
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">{item.app.name} <span className="font-normal text-slate-500">in {item.group.name}</span></p>
                  <p className="text-xs text-slate-500">by {item.app.publisher} · allowed {formatDate(item.grantedAt)} · last used {item.lastUsedAt ? formatDate(item.lastUsedAt) : "never"}</p>
                  <div className="mt-2"><ScopeChips scopes={item.scopes} /></div>
                </div>
                <RevokeConnectionButton grantId={item.grantId} appName={item.app.name} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </AppShell>
  );
}
