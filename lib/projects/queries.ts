import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { requireAccess, type ProjectActor } from "./actor";
import { findAssignables, type Assignable } from "./assignees";
import type { WorkItemStateId } from "./schemas";
import {
  commentInclude,
  projectInclude,
  toCommentView,
  toProjectView,
  toWorkItemView,
  workItemInclude,
  type CommentView,
  type ProjectView,
  type WorkItemView,
} from "./view";

// Every read is confined to the actor's group: an id from another group is
// reported exactly like one that does not exist.

export type ProjectSummary = ProjectView & { workItemCount: number; openCount: number };

const OPEN_STATES: WorkItemStateId[] = ["BACKLOG", "TODO", "IN_PROGRESS"];

export async function listProjects(actor: ProjectActor): Promise<ProjectSummary[]> {
  requireAccess(actor, "projects", "read");
  const [rows, counts] = await Promise.all([
    getDb().project.findMany({ where: { groupId: actor.groupId }, include: projectInclude, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    getDb().workItem.groupBy({ by: ["projectId", "state"], where: { groupId: actor.groupId }, _count: { _all: true } }),
  ]);
  return rows.map((row) => {
    const mine = counts.filter((count) => count.projectId === row.id);
    const total = (states?: WorkItemStateId[]) =>
      mine.filter((count) => !states || states.includes(count.state)).reduce((sum, count) => sum + count._count._all, 0);
    return { ...toProjectView(row), workItemCount: total(), openCount: total(OPEN_STATES) };
  });
}

// The project row, after the group check (no permission check of its own).
export async function findProjectInGroup(groupId: string, projectId: string) {
  const row = await getDb().project.findFirst({ where: { id: projectId, groupId }, include: projectInclude });
  if (!row) throw notFound("Project not found");
  return row;
}

export async function getProject(actor: ProjectActor, projectId: string): Promise<ProjectView> {
  requireAccess(actor, "projects", "read");
  return toProjectView(await findProjectInGroup(actor.groupId, projectId));
}

export type WorkItemFilter = { state?: WorkItemStateId };

export async function listWorkItems(actor: ProjectActor, projectId: string, filter: WorkItemFilter = {}): Promise<WorkItemView[]> {
  requireAccess(actor, "work_items", "read");
  await findProjectInGroup(actor.groupId, projectId);
  const rows = await getDb().workItem.findMany({
    where: { projectId, groupId: actor.groupId, ...(filter.state ? { state: filter.state } : {}) },
    include: workItemInclude,
    orderBy: { sequence: "asc" },
  });
  return rows.map(toWorkItemView);
}

export async function findWorkItemInGroup(groupId: string, workItemId: string) {
  const row = await getDb().workItem.findFirst({ where: { id: workItemId, groupId }, include: workItemInclude });
  if (!row) throw notFound("Work item not found");
  return row;
}

export async function getWorkItem(actor: ProjectActor, workItemId: string): Promise<WorkItemView> {
  requireAccess(actor, "work_items", "read");
  return toWorkItemView(await findWorkItemInGroup(actor.groupId, workItemId));
}

export async function listComments(actor: ProjectActor, workItemId: string): Promise<CommentView[]> {
  requireAccess(actor, "work_items", "read");
  await findWorkItemInGroup(actor.groupId, workItemId);
  const rows = await getDb().workItemComment.findMany({ where: { workItemId }, include: commentInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toCommentView);
}

// Members and installed mentionable bots, for an assignee picker.
export async function listAssignees(actor: ProjectActor): Promise<Assignable[]> {
  requireAccess(actor, "work_items", "read");
  return findAssignables(actor.groupId);
}
