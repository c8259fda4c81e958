import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser, loadForPage } from "@/lib/auth/page-guards";
import { userActor } from "@/lib/auth/actor";
import { getGroupForMember } from "@/lib/groups/queries";
import { isGroupAdmin } from "@/lib/groups/roles";
import { getInstallationDetails } from "@/lib/consent/installation-details";
import { InstallationDetailsView } from "@/components/consent/installation-details";

export const metadata: Metadata = { title: "Installed app" };

type Props = { params: Promise<{ group: string; installationId: string }> };

export default async function InstallationPage({ params }: Props) {
  const { group: slug, installationId } = await params;
  const user = await requirePageUser(`/g/${slug}/settings/apps/installations/${installationId}`);
  const group = await loadForPage(() => getGroupForMember(user.id, slug));
  const installation = await loadForPage(() => getInstallationDetails(userActor(user), slug, installationId));

  return (
    <div className="space-y-6">
      <Link href={`/g/${slug}/settings/apps`} className="text-sm font-medium text-brand-600 hover:text-brand-700">← Apps</Link>
      <InstallationDetailsView groupSlug={slug} isAdmin={isGroupAdmin(group.role)} installation={installation} />
    </div>
  );
}
