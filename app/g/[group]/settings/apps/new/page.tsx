import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser, loadForPage } from "@/lib/auth/page-guards";
import { requireGroupAdmin } from "@/lib/groups/roles";
import { newAppFormValues } from "@/lib/apps/form-values";
import { AppForm } from "@/components/apps/app-form";
import { PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "Build your own app" };

type Props = { params: Promise<{ group: string }> };

export default async function NewAppPage({ params }: Props) {
  const { group: slug } = await params;
  const user = await requirePageUser(`/g/${slug}/settings/apps/new`);
  const group = await loadForPage(() => requireGroupAdmin(user.id, slug));
  return (
    <>
      <Link href={`/g/${slug}/settings/apps`} className="text-sm font-medium text-brand-600 hover:text-brand-700">← Apps</Link>
      <div className="mt-2">
        <PageHeader title="Build your own" description={`Register a Custom App for ${group.name}. You get its Client ID and, for confidential apps, a Client Secret.`} />
      </div>
      <AppForm groupSlug={slug} defaultValues={newAppFormValues(user.email)} canPublishGlobal={user.isPlatformAdmin && group.organization.isPlatform} />
    </>
  );
}
