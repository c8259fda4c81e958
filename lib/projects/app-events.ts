import type { Prisma } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { emitGroupEvent, type EventActor } from "@/lib/webhooks/emit";
import type { ProjectActor } from "./actor";

// Events for the apps acting as agents ("Is Mentionable"): a work item
// assigned to an app's bot, or a comment @mentioning it. Each is an audit
// event on the app's installation in the group and a webhook event for that
// installation only (work_item.assigned / comment.mention), both written in
// the transaction of the change itself, so they exist exactly when the change
// does. The change itself also reaches every installed app as an ordinary
// work_item.updated / comment.created (see events.ts).

type WorkItemRef = { id: string; projectId: string };

// data: the API JSON of the work item (assigned) or of the comment (mention).
export type AppEvent =
  | { action: "app.assigned"; botId: string; workItem: WorkItemRef; data: Record<string, unknown> }
  | { action: "app.mentioned"; botId: string; workItem: WorkItemRef; commentId: string; data: Record<string, unknown> };

export type EventTx = Pick<Prisma.TransactionClient, "installation" | "auditEvent" | "webhookEvent">;

// Who caused the event: a person (directly or through an app's user token)
// or an app's bot. (The audit event's details name the bot by its row id.)
export function eventBy(actor: ProjectActor): { type: "user" | "bot"; id: string; name?: string } {
  if (actor.kind === "member") return { type: "user", id: actor.userId };
  const subject = actor.principal.actor;
  return subject.kind === "user" ? { type: "user", id: subject.userId } : { type: "bot", id: subject.botUserId, name: subject.name };
}

// The same, as webhook payloads name it: a bot by its subject "bot:<id>".
export function webhookActor(actor: ProjectActor): EventActor {
  const by = eventBy(actor);
  return by.type === "user" ? { type: "user", id: by.id } : { type: "bot", id: `bot:${by.id}`, name: by.name };
}

const WEBHOOK_EVENT = {
  "app.assigned": { event: "work_item", action: "assigned" },
  "app.mentioned": { event: "comment", action: "mention" },
} as const;

// One event per (action, bot, work item, comment); bots whose app is no
// longer installed in the group get none.
export async function recordAppEvents(tx: EventTx, actor: ProjectActor, events: AppEvent[]): Promise<void> {
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
    await emitGroupEvent(tx, {
      groupId: actor.groupId,
      ...WEBHOOK_EVENT[event.action],
      data: event.data,
      actor: webhookActor(actor),
      only: { installationId },
    });
  }
}
