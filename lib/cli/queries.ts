import { getDb } from "@/lib/db";

// The two reads the CLI needs before it can call the data layer: who `--as`
// names, and which organization a group belongs to. Nothing here writes.

// Emails are stored lower-cased (sign-in looks them up the same way).
export function findUserByEmail(email: string) {
  return getDb().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, isPlatformAdmin: true },
  });
}

export function findGroupWithOrganization(slug: string) {
  return getDb().group.findUnique({
    where: { slug },
    select: { slug: true, organization: { select: { slug: true } } },
  });
}
