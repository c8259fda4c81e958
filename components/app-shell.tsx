import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/session";
import type { GroupMembership } from "@/lib/groups/queries";
import { ROLE_LABELS } from "@/lib/groups/roles";
import { Wordmark } from "./logo";
import { GroupSwitcher, type SwitcherGroup } from "./group-switcher";
import { SignOutButton } from "./sign-out-button";

type Props = { user: CurrentUser; groups: GroupMembership[]; current?: GroupMembership; children: React.ReactNode };

// The signed-in frame: navigation bar with the group switcher, the user and sign-out.
export function AppShell({ user, groups, current, children }: Props) {
  const toSwitcher = (group: GroupMembership): SwitcherGroup => ({
    slug: group.slug,
    name: group.name,
    organization: group.organization.name,
    role: ROLE_LABELS[group.role],
  });
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-16 max-w-6xl items-center gap-4 px-4 sm:px-6">
          <Link href="/" aria-label="Tessera home">
            <Wordmark />
          </Link>
          <span className="h-6 w-px bg-slate-200" aria-hidden="true" />
          <GroupSwitcher groups={groups.map(toSwitcher)} current={current && toSwitcher(current)} />
          <div className="ml-auto flex items-center gap-3">
            <div className="hidden text-right leading-tight sm:block" data-testid="signed-in-user">
              <p className="text-sm font-medium text-slate-900">{user.name}</p>
              <p className="text-xs text-slate-500">{user.email}</p>
            </div>
            <Link href="/account/apps" className="rounded-lg px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900">
              Connected apps
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
