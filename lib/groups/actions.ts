"use server";

import { revalidatePath } from "next/cache";
import { runAsUser } from "@/lib/actions/run-action";
import { addMember, changeMemberRole, removeMember } from "./member-mutations";

// The members page's server actions: who acts is re-read from the session,
// and the data layer checks again that they administer the group.

const membersPath = (groupSlug: string) => `/g/${encodeURIComponent(groupSlug)}/settings/members`;

export async function addMemberAction(groupSlug: string, input: unknown) {
  return runAsUser(async (actor) => {
    const member = await addMember(actor, groupSlug, input);
    revalidatePath(membersPath(groupSlug));
    return { userId: member.userId, name: member.name, role: member.role };
  });
}

export async function changeMemberRoleAction(groupSlug: string, userId: string, input: unknown) {
  return runAsUser(async (actor) => {
    const member = await changeMemberRole(actor, groupSlug, userId, input);
    // The layout too: an admin who made themselves a member loses the admin tabs.
    revalidatePath(`/g/${encodeURIComponent(groupSlug)}`, "layout");
    return { userId: member.userId, role: member.role };
  });
}

export async function removeMemberAction(groupSlug: string, userId: string) {
  return runAsUser(async (actor) => {
    await removeMember(actor, groupSlug, userId);
    revalidatePath(`/g/${encodeURIComponent(groupSlug)}`, "layout");
    return null;
  });
}
