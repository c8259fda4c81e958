import { getDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from "./demo-data";
import { seedDemoApps } from "./seed-apps";

// Creates the demo organizations, groups and users. Idempotent: rows are
// matched by slug or email, and an existing user's password is left alone.
export async function seedDemo(): Promise<void> {
  const db = getDb();
  const groupIds = new Map<string, string>();
  for (const org of DEMO_ORGANIZATIONS) {
    const { groups, ...fields } = org;
    const saved = await db.organization.upsert({ where: { slug: org.slug }, create: fields, update: {} });
    for (const group of groups) {
      const row = await db.group.upsert({
        where: { slug: group.slug },
        create: { ...group, organizationId: saved.id },
        update: {},
      });
      groupIds.set(group.slug, row.id);
    }
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: demo.email },
      create: { email: demo.email, name: demo.name, passwordHash, isPlatformAdmin: demo.isPlatformAdmin ?? false },
      update: {},
    });
    for (const [slug, role] of demo.memberships) {
      const groupId = groupIds.get(slug)!;
      await db.membership.upsert({
        where: { userId_groupId: { userId: user.id, groupId } },
        create: { userId: user.id, groupId, role },
        update: {},
      });
    }
  }
  await seedDemoApps();
}

export async function isDatabaseEmpty(): Promise<boolean> {
  return (await getDb().user.count()) === 0;
}
