import { notFound } from "@/lib/errors";
import { usageError } from "./cli-error";
import { findGroupWithOrganization } from "./queries";

// `--group engineering` is a group slug; `--group acme/engineering` also
// requires the group to belong to organization `acme`. A mismatch reads as
// "Group not found", the same answer the data layer gives for a missing group
// (so it reveals nothing to a user acting with --as).
export async function resolveGroupSlug(value: string | undefined): Promise<string> {
  if (value === undefined || value.trim() === "") throw usageError("Missing --group <group> (or <organization>/<group>)");
  const parts = value.trim().split("/");
  if (parts.length === 1) return parts[0];
  const [organizationSlug, groupSlug] = parts;
  if (parts.length > 2 || !organizationSlug || !groupSlug) {
    throw usageError(`--group takes <group> or <organization>/<group>, got "${value}"`);
  }
  const group = await findGroupWithOrganization(groupSlug);
  if (!group || group.organization.slug !== organizationSlug) throw notFound("Group not found");
  return groupSlug;
}
