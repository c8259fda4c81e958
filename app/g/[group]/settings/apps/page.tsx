import type { Metadata } from "next";
import { requirePageUser, loadForPage } from "@/lib/auth/page-guards";
import { userActor } from "@/lib/auth/actor";
import { getGroupForMember } from "@/lib/groups/queries";
import { isGroupAdmin } from "@/lib/groups/roles";
import { browseAppRegistrations, listInstalledApps } from "@/lib/consent/queries";
import { BrowsePanel } from "@/components/consent/browse-panel";
import { InstalledApps } from "@/components/consent/installed-apps";
import { ButtonLink, PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "Apps" };

type Props = { params: Promise<{ group: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function GroupAppsPage({ params, searchParams }: Props) {
  const { group: slug } = await params;
  const search = await searchParams;
  const user = await requirePageUser(`/g/${slug}/settings/apps`);
  const group = await loadForPage(() => getGroupForMember(user.id, slug));
  const actor = userActor(user);
  const [installed, page] = await Promise.all([listInstalledApps(actor, slug), browseAppRegistrations(actor, slug, search)]);
  const admin = isGroupAdmin(group.role);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Apps"
        description="Custom Apps connect integrations to this group. An app works here only after an admin adds consent, and never beyond each person's own role."
        actions={admin ? <ButtonLink href={`/g/${slug}/settings/apps/new`}>Build your own</ButtonLink> : undefined}
      />
      {search.deleted && (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">“{search.deleted}” was deleted.</p>
      )}
      <InstalledApps groupSlug={slug} isAdmin={admin} installed={installed} />
      <BrowsePanel groupSlug={slug} groupName={group.name} isAdmin={admin} page={page} />
    </div>
  );
}
