import { getDb, Prisma } from "@/lib/db";

export type AuditInput = {
  action: string;
  actorUserId?: string | null;
  actorLabel?: string;
  groupId?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonValue;
};

type Tx = Pick<ReturnType<typeof getDb>, "auditEvent">;

// Records who did what, where. Pass the transaction client when the event
// must commit (or roll back) together with the change it describes.
export async function recordAuditEvent(input: AuditInput, tx: Tx = getDb()): Promise<void> {
  await tx.auditEvent.create({
    data: {
      action: input.action,
      actorUserId: input.actorUserId ?? null,
      actorLabel: input.actorLabel ?? "",
      groupId: input.groupId ?? null,
      targetType: input.targetType ?? "",
      targetId: input.targetId ?? "",
      details: input.details,
    },
  });
}
