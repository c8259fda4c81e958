import type { Prisma } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/mutations";
import type { ProjectActor } from "./actor";

// Events for the apps acting as agents ("Is Mentionable"): a work item
// assigned to an app's bot, or a comment @mentioning it. Each is an audit
// event on the app's installation in the group, written in the transaction
// of the change itself, so it exists exactly when the change does; webhook
// deliveries are made from these rows.

type WorkItemRef = { id: string; projectId: string };

export type AppEvent =
  | { action: "app.assigned"; botId: string; workItem: WorkItemRef }
  | { action: "app.mentioned"; botId: string; workItem: WorkItemRef; commentId: string };

type Tx = Pick<Prisma.TransactionClient, "installation" | "auditEvent">;

// Who caused the event: a person (directly or through an app's user token)
// or an app's bot.
export function eventBy(actor: ProjectActor): { type: "user" | "bot"; id: string; name?: string } {
  if (actor.kind === "member") return { type: "user", id: actor.userId };
  const subject = actor.principal.actor;
  return subject.kind === "user" ? { type: "user", id: subject.userId } : { type: "bot", id: subject.botUserId, name: subject.name };
}

// One event per (action, bot, work item, comment); bots whose app is no
// longer installed in the group get none.
export async function recordAppEvents(tx: Tx, actor: ProjectActor, events: AppEvent[]): Promise<void> {
  if (events.length === 0) return;
  const installations = await tx.installation.findMany({
    where: { groupId: actor.groupId, status: "INSTALLED", botUserId: { in: [...new Set(events.map((event) => event.botId))] } },
    select: { id: true, botUserId: true },
  });
  const installationOf = new Map(installations.map((installation) => [installation.botUserId, installation.id]));
  const by = eventBy(actor);
  const seen = new Set<string>();
  for (const event of events) {
    const installationId = installationOf.get(event.botId);
    const commentId = event.action === "app.mentioned" ? event.commentId : undefined;
    const key = [event.action, event.botId, event.workItem.id, commentId].join(" ");
    if (!installationId || seen.has(key)) continue;
    seen.add(key);
    await recordAuditEvent(
      {
        action: event.action,
        actorUserId: by.type === "user" ? by.id : null,
        actorLabel: by.type === "bot" ? (by.name ?? "App bot") : "",
        groupId: actor.groupId,
        targetType: "installation",
        targetId: installationId,
        details: {
          work_item_id: event.workItem.id,
          project_id: event.workItem.projectId,
          bot_id: event.botId,
          ...(commentId ? { comment_id: commentId } : {}),
          by: { type: by.type, id: by.id },
        },
      },
      tx,
    );
  }
}
