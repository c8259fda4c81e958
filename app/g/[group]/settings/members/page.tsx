import type { Metadata } from "next";
import { requirePageUser, loadForPage } from "@/lib/auth/page-guards";
import { getGroupForMember, listGroupMembers } from "@/lib/groups/queries";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, isGroupAdmin } from "@/lib/groups/roles";
import { ROLES } from "@/lib/groups/schemas";
import { Badge, Card, PageHeader, formatDate } from "@/components/ui";
import { AddMemberForm } from "@/components/members/add-member-form";
import { RoleSelect, type RoleOption } from "@/components/members/role-select";
import { RemoveMemberButton } from "@/components/members/remove-member-button";

export const metadata: Metadata = { title: "Members" };

type Props = { params: Promise<{ group: string }> };

const ROLE_OPTIONS: RoleOption[] = ROLES.map((value) => ({ value, label: ROLE_LABELS[value], description: ROLE_DESCRIPTIONS[value] }));
const ONLY_ADMIN = "The group's only admin: make someone else an admin first";

// Everyone in the group sees who is in it; admins also add people, change
// roles and remove members.
export default async function MembersPage({ params }: Props) {
  const { group: slug } = await params;
  const user = await requirePageUser(`/g/${slug}/settings/members`);
  const [group, members] = await loadForPage(() => Promise.all([getGroupForMember(user.id, slug), listGroupMembers(user.id, slug)]));
  const manage = isGroupAdmin(group.role);
  const adminCount = members.filter((member) => member.role === "ADMIN").length;
  return (
    <>
      <PageHeader title="Members" description="People in this group and what their role lets them do. An app acting for a member never gets more than that member's role." />
      {manage && (
        <Card className="mb-6 p-6">
          <h2 className="mb-4 text-base font-semibold text-slate-900">Add member</h2>
          <AddMemberForm groupSlug={slug} roles={ROLE_OPTIONS} />
        </Card>
      )}
      <Card>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-6 py-3 font-medium">Name</th>
              <th className="px-6 py-3 font-medium">Role</th>
              <th className="hidden px-6 py-3 font-medium md:table-cell">Member since</th>
              {manage && <th className="px-6 py-3"><span className="sr-only">Actions</span></th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((member) => {
              const onlyAdmin = member.role === "ADMIN" && adminCount === 1 ? ONLY_ADMIN : undefined;
              const isSelf = member.userId === user.id;
              return (
                <tr key={member.userId}>
                  <td className="px-6 py-3">
                    <p className="font-medium text-slate-900">{member.name}{isSelf && <span className="text-slate-400"> (you)</span>}</p>
                    <p className="text-slate-500">{member.email}</p>
                  </td>
                  <td className="px-6 py-3">
                    {manage ? (
                      <RoleSelect key={member.role} groupSlug={slug} member={{ userId: member.userId, name: member.name, role: member.role }} roles={ROLE_OPTIONS} disabledReason={onlyAdmin} />
                    ) : (
                      <span title={ROLE_DESCRIPTIONS[member.role]}>
                        <Badge tone={member.role === "ADMIN" ? "brand" : "slate"}>{ROLE_LABELS[member.role]}</Badge>
                      </span>
                    )}
                  </td>
                  <td className="hidden px-6 py-3 text-slate-500 md:table-cell">{formatDate(member.since)}</td>
                  {manage && (
                    <td className="px-6 py-3 text-right">
                      <RemoveMemberButton groupSlug={slug} member={{ userId: member.userId, name: member.name }} isSelf={isSelf} disabledReason={onlyAdmin} />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
    </>
  );
}
