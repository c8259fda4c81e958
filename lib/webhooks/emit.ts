import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db";

type Tx = Pick<ReturnType<typeof getDb>, "installation" | "webhookEvent">;

export type EventActor = { type: "user" | "bot" | "system"; id: string | null; name?: string };

export type GroupEvent = {
  groupId: string;
  // What changed ("project", "work_item", "comment", "member", "app", …) and how
  // ("created", "updated", "deleted", "assigned", "mentioned", "installed", …).
  event: string;
  action: string;
  data: Record<string, unknown>;
  actor: EventActor;
  // Deliver to this installation only (lifecycle events, a bot's mention),
  // even if it was just revoked; otherwise to every live installation.
  only?: { installationId: string };
};

// Writes the event into the outbox, once per receiving app, inside the
// caller's transaction: it commits (or rolls back) with the change itself.
// The delivery worker sends it later; nothing here touches the network.
export async function emitGroupEvent(tx: Tx, event: GroupEvent): Promise<number> {
  const where: Prisma.InstallationWhereInput = event.only
    ? { id: event.only.installationId, groupId: event.groupId }
    : { groupId: event.groupId, status: "INSTALLED" };
  const receivers = await tx.installation.findMany({
    // A paused webhook still gets its events queued: they go out once an
    // admin re-enables it, so nothing that happened meanwhile is lost.
    where: { ...where, app: { webhookUrl: { not: null }, status: "ACTIVE", webhook: { isNot: null } } },
    select: { id: true, app: { select: { webhook: { select: { id: true } } } } },
  });
  const at = new Date().toISOString();
  let written = 0;
  for (const receiver of receivers) {
    const webhookId = receiver.app.webhook?.id;
    if (!webhookId) continue;
    const id = crypto.randomUUID();
    const body = JSON.stringify({
      id,
      event: event.event,
      action: event.action,
      webhook_id: webhookId,
      workspace_id: event.groupId,
      installation_id: receiver.id,
      data: event.data,
      activity: { actor: event.actor, at },
    });
    await tx.webhookEvent.create({
      data: { id, webhookId, installationId: receiver.id, groupId: event.groupId, event: event.event, action: event.action, body },
    });
    written++;
  }
  return written;
}
