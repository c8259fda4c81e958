import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser, loadForPage } from "@/lib/auth/page-guards";
import { getGroupForMember, listGroupMembers } from "@/lib/groups/queries";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, isGroupAdmin } from "@/lib/groups/roles";
import { listGroupActivity } from "@/lib/audit/queries";
import { Card, formatDate } from "@/components/ui";

type Props = { params: Promise<{ group: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).group };
}

export default async function GroupHomePage({ params }: Props) {
  const { group: slug } = await params;
  const user = await requirePageUser(`/g/${slug}`);
  const group = await loadForPage(() => getGroupForMember(user.id, slug));
  const members = await listGroupMembers(user.id, slug);
  const activity = isGroupAdmin(group.role) ? await listGroupActivity(user.id, slug, 8) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="p-6 lg:col-span-2">
        <h2 className="text-base font-semibold">About this group</h2>
        <p className="mt-2 text-sm text-slate-600">{group.description || "No description yet."}</p>
        <dl className="mt-6 grid grid-cols-2 gap-4 text-sm sm:grid-cols-3">
          <Stat label="Organization" value={group.organization.name} />
          <Stat label="Members" value={String(members.length)} />
          <Stat label="Your role" value={ROLE_LABELS[group.role]} hint={ROLE_DESCRIPTIONS[group.role]} />
        </dl>
      </Card>
      <Card className="p-6">
        <div className="flex items-center justify-between">
          <h2 className="text-base font-semibold">Members</h2>
          <Link href={`/g/${slug}/settings/members`} className="text-sm font-medium text-brand-600 hover:text-brand-700">View all</Link>
        </div>
        <ul className="mt-4 space-y-3">
          {members.slice(0, 6).map((member) => (
            <li key={member.userId} className="flex items-center justify-between text-sm">
              <span className="font-medium text-slate-800">{member.name}</span>
              <span className="text-slate-500">{ROLE_LABELS[member.role]}</span>
            </li>
          ))}
        </ul>
      </Card>
      {activity && (
        <Card className="p-6 lg:col-span-3">
          <h2 className="text-base font-semibold">Recent activity</h2>
          {activity.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">Nothing has happened in this group yet. Registrations, consents and revocations will be listed here.</p>
          ) : (
            <ul className="mt-4 divide-y divide-slate-100 text-sm">
              {activity.map((entry) => (
                <li key={entry.id} className="flex justify-between py-2">
                  <span><span className="font-medium">{entry.actor}</span> · {entry.action}</span>
                  <span className="text-slate-500">{formatDate(entry.at)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-1 font-medium text-slate-900" title={hint}>{value}</dd>
    </div>
  );
}
