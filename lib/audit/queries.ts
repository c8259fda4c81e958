import { getDb } from "@/lib/db";
import { requireGroupAdmin } from "@/lib/groups/roles";

export type ActivityEntry = { id: string; at: Date; action: string; actor: string; targetType: string; targetId: string };

// A group's recent audit trail, for its admins only.
export async function listGroupActivity(userId: string, slug: string, take = 20): Promise<ActivityEntry[]> {
  const group = await requireGroupAdmin(userId, slug);
  const rows = await getDb().auditEvent.findMany({
    where: { groupId: group.id },
    orderBy: { at: "desc" },
    take,
    include: { actor: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    action: row.action,
    actor: row.actor?.name ?? (row.actorLabel || "System"),
    targetType: row.targetType,
    targetId: row.targetId,
  }));
}
