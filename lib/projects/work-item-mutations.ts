import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { actingIds, requireAccess, type ProjectActor } from "./actor";
import { workItemJson } from "./api-json";
import { recordAppEvents } from "./app-events";
import { resolveAssignee, sameAssignee, type AssigneeColumns } from "./assignees";
import { changedFields, emitProjectEvent } from "./events";
import { findProjectInGroup, findWorkItemInGroup } from "./queries";
import { createWorkItemSchema, updateWorkItemSchema } from "./schemas";
import { toWorkItemView, workItemInclude, type WorkItemView } from "./view";

// Work items: created in a project of the actor's group with the next
// sequence number of that project, edited field by field, deleted. Each
// change is a webhook event for the group's apps (work_item created /
// updated / deleted) in the same transaction; assigning one to an app's bot
// also records an event for that app (once per assignment: re-saving the
// same bot, or unassigning, records none).

export async function createWorkItem(actor: ProjectActor, projectId: string, input: unknown): Promise<WorkItemView> {
  requireAccess(actor, "work_items", "write");
  const data = parseInput(createWorkItemSchema, input);
  const project = await findProjectInGroup(actor.groupId, projectId);
  const assignee = await resolveAssignee(actor.groupId, data.assignee ?? null);
  const by = actingIds(actor);
  return getDb().$transaction(async (tx) => {
    // Taking the number and bumping the counter is one row update, so two
    // concurrent creations never get the same number.
    const { nextSequence } = await tx.project.update({ where: { id: project.id }, data: { nextSequence: { increment: 1 } }, select: { nextSequence: true } });
    const created = await tx.workItem.create({
      data: {
        projectId: project.id,
        groupId: actor.groupId,
        sequence: nextSequence - 1,
        title: data.title,
        description: data.description,
        state: data.state ?? "TODO",
        ...assignee,
        createdByUserId: by.userId,
        createdByBotId: by.botId,
      },
      include: workItemInclude,
    });
    const view = toWorkItemView(created);
    await emitProjectEvent(tx, actor, "work_item", "created", workItemJson(view));
    if (created.assigneeBotId) {
      await recordAppEvents(tx, actor, [{ action: "app.assigned", botId: created.assigneeBotId, workItem: created, data: workItemJson(view) }]);
    }
    return view;
  });
}

// Only the fields that really change are written and reported (changes:
// title, description, state, assignee); a save that changes nothing writes
// nothing.
export async function updateWorkItem(actor: ProjectActor, workItemId: string, input: unknown): Promise<WorkItemView> {
  requireAccess(actor, "work_items", "write");
  const sent = parseInput(updateWorkItemSchema, input);
  const existing = await findWorkItemInGroup(actor.groupId, workItemId);
  const { assignee, ...fields } = sent;
  // Re-sending the current assignee (a form saving every field) is no change,
  // even if that person has since left the group.
  const reassign: Partial<AssigneeColumns> =
    assignee !== undefined && !sameAssignee(assignee, existing) ? await resolveAssignee(actor.groupId, assignee) : {};
  const edited = changedFields(existing, fields);
  const changes: string[] = reassign.assigneeUserId !== undefined ? [...edited, "assignee"] : edited;
  if (changes.length === 0) return toWorkItemView(existing);
  const data = { ...Object.fromEntries(edited.map((field) => [field, fields[field]])), ...reassign };
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.workItem.updateMany({ where: { id: existing.id, groupId: actor.groupId }, data });
    if (count === 0) throw notFound("Work item not found");
    const view = toWorkItemView(await tx.workItem.findUniqueOrThrow({ where: { id: existing.id }, include: workItemInclude }));
    await emitProjectEvent(tx, actor, "work_item", "updated", { ...workItemJson(view), changes });
    if (reassign.assigneeBotId) {
      await recordAppEvents(tx, actor, [{ action: "app.assigned", botId: reassign.assigneeBotId, workItem: view, data: workItemJson(view) }]);
    }
    return view;
  });
}

export async function deleteWorkItem(actor: ProjectActor, workItemId: string): Promise<void> {
  requireAccess(actor, "work_items", "write");
  const existing = await findWorkItemInGroup(actor.groupId, workItemId);
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.workItem.deleteMany({ where: { id: existing.id, groupId: actor.groupId } });
    if (count === 0) throw notFound("Work item not found");
    await emitProjectEvent(tx, actor, "work_item", "deleted", workItemJson(toWorkItemView(existing)));
  });
}
