import type { Metadata } from "next";
import { requirePageUser, loadForPage } from "@/lib/auth/page-guards";
import { getGroupForMember } from "@/lib/groups/queries";
import { ROLE_LABELS } from "@/lib/groups/roles";
import { Card, PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "Group settings" };

type Props = { params: Promise<{ group: string }> };

export default async function GroupSettingsPage({ params }: Props) {
  const { group: slug } = await params;
  const user = await requirePageUser(`/g/${slug}/settings`);
  const group = await loadForPage(() => getGroupForMember(user.id, slug));
  const rows: [string, string][] = [
    ["Name", group.name],
    ["Slug", group.slug],
    ["Group ID", group.id],
    ["Organization", `${group.organization.name} (${group.organization.slug})`],
    ["Your role", ROLE_LABELS[group.role]],
  ];
  return (
    <>
      <PageHeader title="General" description="The group's identity. Apps see the group ID and slug as the workspace they act in." />
      <Card>
        <dl className="divide-y divide-slate-100">
          {rows.map(([label, value]) => (
            <div key={label} className="grid grid-cols-3 gap-4 px-6 py-4 text-sm">
              <dt className="text-slate-500">{label}</dt>
              <dd className="col-span-2 font-medium text-slate-900 break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
