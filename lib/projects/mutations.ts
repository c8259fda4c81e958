import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { actingIds, requireAccess, type ProjectActor } from "./actor";
import { findProjectInGroup } from "./queries";
import { createProjectSchema, updateProjectSchema } from "./schemas";
import { projectInclude, toProjectView, type ProjectView } from "./view";

// Projects of the actor's group: created by a member or an app (through its
// user's token or its bot), renamed, and deleted with their work items.

export async function createProject(actor: ProjectActor, input: unknown): Promise<ProjectView> {
  requireAccess(actor, "projects", "write");
  const data = parseInput(createProjectSchema, input);
  const by = actingIds(actor);
  const row = await getDb().project.create({
    data: { ...data, groupId: actor.groupId, createdByUserId: by.userId, createdByBotId: by.botId },
    include: projectInclude,
  });
  return toProjectView(row);
}

export async function updateProject(actor: ProjectActor, projectId: string, input: unknown): Promise<ProjectView> {
  requireAccess(actor, "projects", "write");
  const changes = parseInput(updateProjectSchema, input);
  const existing = await findProjectInGroup(actor.groupId, projectId);
  if (changes.name === undefined && changes.description === undefined) return toProjectView(existing);
  const row = await getDb().project.update({ where: { id: existing.id }, data: changes, include: projectInclude });
  return toProjectView(row);
}

// Deletes the project, its work items and their comments.
export async function deleteProject(actor: ProjectActor, projectId: string): Promise<void> {
  requireAccess(actor, "projects", "write");
  const existing = await findProjectInGroup(actor.groupId, projectId);
  await getDb().project.delete({ where: { id: existing.id } });
}
