import type { Metadata } from "next";
import { requirePageUser, loadForPage } from "@/lib/auth/page-guards";
import { listGroupMembers } from "@/lib/groups/queries";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/groups/roles";
import { Badge, Card, PageHeader, formatDate } from "@/components/ui";

export const metadata: Metadata = { title: "Members" };

type Props = { params: Promise<{ group: string }> };

export default async function MembersPage({ params }: Props) {
  const { group: slug } = await params;
  const user = await requirePageUser(`/g/${slug}/settings/members`);
  const members = await loadForPage(() => listGroupMembers(user.id, slug));
  return (
    <>
      <PageHeader title="Members" description="People in this group and what their role lets them do. An app acting for a member never gets more than that member's role." />
      <Card>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-6 py-3 font-medium">Name</th>
              <th className="px-6 py-3 font-medium">Role</th>
              <th className="hidden px-6 py-3 font-medium md:table-cell">Member since</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((member) => (
              <tr key={member.userId}>
                <td className="px-6 py-3">
                  <p className="font-medium text-slate-900">{member.name}{member.userId === user.id && <span className="text-slate-400"> (you)</span>}</p>
                  <p className="text-slate-500">{member.email}</p>
                </td>
                <td className="px-6 py-3">
                  <span title={ROLE_DESCRIPTIONS[member.role]}>
                    <Badge tone={member.role === "ADMIN" ? "brand" : "slate"}>{ROLE_LABELS[member.role]}</Badge>
                  </span>
                </td>
                <td className="hidden px-6 py-3 text-slate-500 md:table-cell">{formatDate(member.since)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
