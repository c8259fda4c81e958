import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { createGroupWithMembers, createUser } from "@/lib/testing/factories";

// The members page's server actions: the signed-in user (a stand-in for the
// session here) acts, and data-layer refusals come back as form messages.

let signedIn: CurrentUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { addMemberAction, changeMemberRoleAction, removeMemberAction } = await import("./actions");

const as = (user: { id: string; email: string; name: string }) => {
  signedIn = { id: user.id, email: user.email, name: user.name, isPlatformAdmin: false };
};

beforeEach(() => {
  signedIn = null;
});

describe("member actions", () => {
  it("lets an admin add, re-role and remove a member", async () => {
    const { group, admin } = await createGroupWithMembers();
    const person = await createUser();
    as(admin);
    expect(await addMemberAction(group.slug, { email: person.email, role: "VIEWER" })).toEqual({ ok: true, data: { userId: person.id, name: person.name, role: "VIEWER" } });
    expect(await changeMemberRoleAction(group.slug, person.id, { role: "MEMBER" })).toEqual({ ok: true, data: { userId: person.id, role: "MEMBER" } });
    expect(await removeMemberAction(group.slug, person.id)).toEqual({ ok: true, data: null });
    expect(await getDb().membership.count({ where: { groupId: group.id, userId: person.id } })).toBe(0);
  });

  it("answers with field messages, refusals and the last-admin rule", async () => {
    const { group, admin, member } = await createGroupWithMembers();
    as(admin);
    expect(await addMemberAction(group.slug, { email: "no-account@example.test", role: "MEMBER" })).toEqual({
      ok: false,
      error: "No Tessera account uses this email",
      fields: { email: "No Tessera account uses this email" },
    });
    expect(await removeMemberAction(group.slug, admin.id)).toMatchObject({ ok: false, error: expect.stringContaining("at least one admin") });
    as(member);
    expect(await changeMemberRoleAction(group.slug, member.id, { role: "ADMIN" })).toMatchObject({ ok: false, error: "Only this group's admins can do this" });
    signedIn = null;
    expect(await removeMemberAction(group.slug, member.id)).toMatchObject({ ok: false, error: expect.stringContaining("Sign in") });
    expect(await getDb().membership.count({ where: { groupId: group.id } })).toBe(3);
  });
});
