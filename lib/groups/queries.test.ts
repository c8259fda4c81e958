import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createGroup, createGroupWithMembers, createUser } from "@/lib/testing/factories";
import { getGroupForMember, listGroupMembers, listGroupsForUser } from "./queries";
import { requireGroupAdmin } from "./roles";
import { listGroupActivity } from "@/lib/audit/queries";

const refusal = (code: string, message?: string) =>
  expect.objectContaining({ name: "AppError", code, ...(message ? { message } : {}) });

describe("group membership in the data layer", () => {
  it("gives a member their group with their role", async () => {
    const { group, viewer } = await createGroupWithMembers();
    const seen = await getGroupForMember(viewer.id, group.slug);
    expect(seen).toMatchObject({ id: group.id, slug: group.slug, role: "VIEWER" });
  });

  it("refuses a non-member exactly like a group that does not exist", async () => {
    const { group, outsider } = await createGroupWithMembers();
    const missing = await getGroupForMember(outsider.id, "no-such-group").catch((e: AppError) => e);
    const hidden = await getGroupForMember(outsider.id, group.slug).catch((e: AppError) => e);
    expect(hidden).toEqual(refusal("NOT_FOUND", "Group not found"));
    expect(missing).toEqual(refusal("NOT_FOUND", "Group not found"));
  });

  it("refuses to list members to a non-member", async () => {
    const { group, outsider, admin } = await createGroupWithMembers();
    await expect(listGroupMembers(outsider.id, group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
    const members = await listGroupMembers(admin.id, group.slug);
    expect(members.map((m) => m.role)).toEqual(["ADMIN", "MEMBER", "VIEWER"]);
  });

  it("lists only the groups a user belongs to", async () => {
    const { organization, group, admin } = await createGroupWithMembers();
    const other = await createGroup(organization.id, "Other");
    await createUser([[other.id, "ADMIN"]]);
    const groups = await listGroupsForUser(admin.id);
    expect(groups.map((g) => g.slug)).toEqual([group.slug]);
  });

  it("lets only admins administer the group", async () => {
    const { group, admin, member, viewer, outsider } = await createGroupWithMembers();
    await expect(requireGroupAdmin(admin.id, group.slug)).resolves.toMatchObject({ id: group.id });
    await expect(requireGroupAdmin(member.id, group.slug)).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(requireGroupAdmin(viewer.id, group.slug)).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(requireGroupAdmin(outsider.id, group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
  });

  it("shows the audit trail to admins only", async () => {
    const { group, admin, member, outsider } = await createGroupWithMembers();
    await expect(listGroupActivity(admin.id, group.slug)).resolves.toEqual([]);
    await expect(listGroupActivity(member.id, group.slug)).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(listGroupActivity(outsider.id, group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
  });
});
