import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { actingIds, requireAccess, type ProjectActor } from "./actor";
import { projectJson } from "./api-json";
import { changedFields, emitProjectEvent } from "./events";
import { createProjectSchema, updateProjectSchema } from "./schemas";
import { projectInclude, toProjectView, type ProjectView } from "./view";

// Projects of the actor's group: created by a member or an app (through its
// user's token or its bot), renamed, and deleted with their work items. Each
// change and its webhook event (project created / updated / deleted) commit
// together.

export async function createProject(actor: ProjectActor, input: unknown): Promise<ProjectView> {
  requireAccess(actor, "projects", "write");
  const data = parseInput(createProjectSchema, input);
  const by = actingIds(actor);
  return getDb().$transaction(async (tx) => {
    const row = await tx.project.create({
      data: { ...data, groupId: actor.groupId, createdByUserId: by.userId, createdByBotId: by.botId },
      include: projectInclude,
    });
    const view = toProjectView(row);
    await emitProjectEvent(tx, actor, "project", "created", projectJson(view));
    return view;
  });
}

// Only the fields that really change are written; a save that changes
// nothing writes nothing and reports no event.
export async function updateProject(actor: ProjectActor, projectId: string, input: unknown): Promise<ProjectView> {
  requireAccess(actor, "projects", "write");
  const sent = parseInput(updateProjectSchema, input);
  return getDb().$transaction(async (tx) => {
    const existing = await tx.project.findFirst({ where: { id: projectId, groupId: actor.groupId }, include: projectInclude });
    if (!existing) throw notFound("Project not found");
    const changes = changedFields(existing, sent);
    if (changes.length === 0) return toProjectView(existing);
    const data = Object.fromEntries(changes.map((field) => [field, sent[field]]));
    const view = toProjectView(await tx.project.update({ where: { id: existing.id }, data, include: projectInclude }));
    await emitProjectEvent(tx, actor, "project", "updated", { ...projectJson(view), changes });
    return view;
  });
}

// Deletes the project, its work items and their comments (one event: the
// project's; its work items go with it).
export async function deleteProject(actor: ProjectActor, projectId: string): Promise<void> {
  requireAccess(actor, "projects", "write");
  await getDb().$transaction(async (tx) => {
    const existing = await tx.project.findFirst({ where: { id: projectId, groupId: actor.groupId }, include: projectInclude });
    if (!existing) throw notFound("Project not found");
    const { count } = await tx.project.deleteMany({ where: { id: existing.id, groupId: actor.groupId } });
    if (count === 0) throw notFound("Project not found");
    await emitProjectEvent(tx, actor, "project", "deleted", projectJson(toProjectView(existing)));
  });
}
