import { loadForPage } from "@/lib/auth/page-guards";
import { getCurrentUser } from "@/lib/auth/session";
import { getGroupForMember, listGroupsForUser } from "@/lib/groups/queries";
import { ROLE_LABELS } from "@/lib/groups/roles";
import { AppShell } from "@/components/app-shell";
import { NavTabs } from "@/components/nav-tabs";
import { Badge } from "@/components/ui";
import { listDisabledWebhooksForGroup } from "@/lib/webhooks/queries";
import { PausedWebhooksBanner } from "@/components/webhooks/paused-webhooks-banner";

type Props = { children: React.ReactNode; params: Promise<{ group: string }> };

export default async function GroupLayout({ children, params }: Props) {
  const { group: slug } = await params;
  // Signed out: each page redirects to sign-in with its own full path.
  const user = await getCurrentUser();
  if (!user) return children;
  const group = await loadForPage(() => getGroupForMember(user.id, slug));
  const [groups, pausedWebhooks] = await Promise.all([listGroupsForUser(user.id), listDisabledWebhooksForGroup(user.id, slug)]);
  return (
    <AppShell user={user} groups={groups} current={group}>
      <div className="mb-8 border-b border-slate-200">
        <div className="mb-4 flex flex-wrap items-center gap-3">
          <div>
            <p className="text-sm text-slate-500">{group.organization.name}</p>
            <h1 className="text-2xl font-semibold tracking-tight" data-testid="group-name">{group.name}</h1>
          </div>
          <Badge tone={group.role === "ADMIN" ? "brand" : "slate"}>{ROLE_LABELS[group.role]}</Badge>
        </div>
        <NavTabs
          label="Group"
          items={[
            { href: `/g/${slug}`, label: "Overview", exact: true },
            { href: `/g/${slug}/projects`, label: "Projects" },
            { href: `/g/${slug}/settings`, label: "Settings" },
          ]}
        />
      </div>
      <PausedWebhooksBanner groupSlug={slug} paused={pausedWebhooks} />
      {children}
    </AppShell>
  );
}
