import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { actingIds, requireAccess, type ProjectActor } from "./actor";
import { recordAppEvents } from "./app-events";
import { resolveAssignee, sameAssignee, type AssigneeColumns } from "./assignees";
import { findProjectInGroup, findWorkItemInGroup } from "./queries";
import { createWorkItemSchema, updateWorkItemSchema } from "./schemas";
import { toWorkItemView, workItemInclude, type WorkItemView } from "./view";

// Work items: created in a project of the actor's group with the next
// sequence number of that project, edited field by field, deleted. Assigning
// one to an app's bot records an event for the app in the same transaction
// (once per assignment: re-saving the same bot, or unassigning, records none).

export async function createWorkItem(actor: ProjectActor, projectId: string, input: unknown): Promise<WorkItemView> {
  requireAccess(actor, "work_items", "write");
  const data = parseInput(createWorkItemSchema, input);
  const project = await findProjectInGroup(actor.groupId, projectId);
  const assignee = await resolveAssignee(actor.groupId, data.assignee ?? null);
  const by = actingIds(actor);
  const row = await getDb().$transaction(async (tx) => {
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
    if (created.assigneeBotId) await recordAppEvents(tx, actor, [{ action: "app.assigned", botId: created.assigneeBotId, workItem: created }]);
    return created;
  });
  return toWorkItemView(row);
}

export async function updateWorkItem(actor: ProjectActor, workItemId: string, input: unknown): Promise<WorkItemView> {
  requireAccess(actor, "work_items", "write");
  const changes = parseInput(updateWorkItemSchema, input);
  const existing = await findWorkItemInGroup(actor.groupId, workItemId);
  const { assignee, ...fields } = changes;
  // Re-sending the current assignee (a form saving every field) is no change,
  // even if that person has since left the group.
  const reassign: Partial<AssigneeColumns> =
    assignee !== undefined && !sameAssignee(assignee, existing) ? await resolveAssignee(actor.groupId, assignee) : {};
  const data = { ...fields, ...reassign };
  if (Object.values(data).every((value) => value === undefined)) return toWorkItemView(existing);
  const row = await getDb().$transaction(async (tx) => {
    const updated = await tx.workItem.update({ where: { id: existing.id }, data, include: workItemInclude });
    if (reassign.assigneeBotId) await recordAppEvents(tx, actor, [{ action: "app.assigned", botId: reassign.assigneeBotId, workItem: updated }]);
    return updated;
  });
  return toWorkItemView(row);
}

export async function deleteWorkItem(actor: ProjectActor, workItemId: string): Promise<void> {
  requireAccess(actor, "work_items", "write");
  const existing = await findWorkItemInGroup(actor.groupId, workItemId);
  await getDb().workItem.delete({ where: { id: existing.id } });
}
