import { emitGroupEvent } from "@/lib/webhooks/emit";
import type { ProjectActor } from "./actor";
import { webhookActor, type EventTx } from "./app-events";

// The webhook events of the projects domain, for every app installed in the
// group with a webhook: project / work_item created, updated, deleted, and
// comment created. Always called inside the transaction of the change, so
// the event commits (or rolls back) with it. data is the object's API JSON
// (api-json.ts); an update also lists the fields that changed.

export type ProjectEventName = "project" | "work_item" | "comment";

export async function emitProjectEvent(
  tx: EventTx,
  actor: ProjectActor,
  event: ProjectEventName,
  action: "created" | "updated" | "deleted",
  data: Record<string, unknown>,
): Promise<void> {
  await emitGroupEvent(tx, { groupId: actor.groupId, event, action, data, actor: webhookActor(actor) });
}

// The fields of `next` whose value differs from `current` (undefined: not sent).
export function changedFields<T extends Record<string, unknown>>(current: { [K in keyof T]?: unknown }, next: T): (keyof T & string)[] {
  return (Object.keys(next) as (keyof T & string)[]).filter((key) => next[key] !== undefined && next[key] !== current[key]);
}
