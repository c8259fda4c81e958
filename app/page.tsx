import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guards";
import { listGroupsForUser } from "@/lib/groups/queries";
import { AppShell } from "@/components/app-shell";
import { EmptyState } from "@/components/ui";

// "/" sends a signed-in user to their first group.
export default async function HomePage() {
  const user = await requirePageUser("/");
  const groups = await listGroupsForUser(user.id);
  if (groups.length > 0) redirect(`/g/${groups[0].slug}`);
  return (
    <AppShell user={user} groups={groups}>
      <EmptyState title="You are not a member of any group yet">
        Ask an administrator of your organization to add you to a group.
      </EmptyState>
    </AppShell>
  );
}
