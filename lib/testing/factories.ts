import { randomBytes } from "node:crypto";
import { getDb, type Role } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";

// Test data builders: every call makes new rows under unique names, so tests
// never depend on each other or on the demo seed.
export const uniqueSuffix = () => randomBytes(4).toString("hex");

export async function createOrganization(name = "Org") {
  const suffix = uniqueSuffix();
  return getDb().organization.create({ data: { slug: `org-${suffix}`, name: `${name} ${suffix}` } });
}

export async function createGroup(organizationId: string, name = "Group") {
  const suffix = uniqueSuffix();
  return getDb().group.create({ data: { slug: `group-${suffix}`, name: `${name} ${suffix}`, organizationId } });
}

export const TEST_PASSWORD = "correct horse battery";

let passwordHash: Promise<string> | undefined;

export async function createUser(memberships: [groupId: string, role: Role][] = [], options: { isPlatformAdmin?: boolean } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const suffix = uniqueSuffix();
  return getDb().user.create({
    data: {
      email: `user-${suffix}@example.test`,
      name: `User ${suffix}`,
      passwordHash: await passwordHash,
      isPlatformAdmin: options.isPlatformAdmin ?? false,
      memberships: { create: memberships.map(([groupId, role]) => ({ groupId, role })) },
    },
  });
}

// An organization with one group and a user of each role in it.
export async function createGroupWithMembers() {
  const organization = await createOrganization();
  const group = await createGroup(organization.id);
  const [admin, member, viewer, outsider] = await Promise.all([
    createUser([[group.id, "ADMIN"]]),
    createUser([[group.id, "MEMBER"]]),
    createUser([[group.id, "VIEWER"]]),
    createUser(),
  ]);
  return { organization, group, admin, member, viewer, outsider };
}
