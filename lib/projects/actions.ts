"use server";

import { revalidatePath } from "next/cache";
import { runAsUser } from "@/lib/actions/run-action";
import { resolveMemberActor } from "./actor";
import { addComment } from "./comments";
import { createProject, deleteProject, updateProject } from "./mutations";
import { createWorkItem, deleteWorkItem, updateWorkItem } from "./work-item-mutations";

// The web UI's server actions: the member's role in the group is re-read on
// every call, and the data layer applies the same rule as for API tokens.

const projectsPath = (groupSlug: string) => `/g/${encodeURIComponent(groupSlug)}/projects`;

export async function createProjectAction(groupSlug: string, input: unknown) {
  return runAsUser(async (user) => {
    const project = await createProject(await resolveMemberActor(user, groupSlug), input);
    revalidatePath(projectsPath(groupSlug));
    return { id: project.id };
  });
}

export async function updateProjectAction(groupSlug: string, projectId: string, input: unknown) {
  return runAsUser(async (user) => {
    const project = await updateProject(await resolveMemberActor(user, groupSlug), projectId, input);
    revalidatePath(projectsPath(groupSlug), "layout");
    return { id: project.id };
  });
}

export async function deleteProjectAction(groupSlug: string, projectId: string) {
  return runAsUser(async (user) => {
    await deleteProject(await resolveMemberActor(user, groupSlug), projectId);
    revalidatePath(projectsPath(groupSlug), "layout");
    return null;
  });
}

export async function createWorkItemAction(groupSlug: string, projectId: string, input: unknown) {
  return runAsUser(async (user) => {
    const item = await createWorkItem(await resolveMemberActor(user, groupSlug), projectId, input);
    revalidatePath(`${projectsPath(groupSlug)}/${projectId}`);
    return { id: item.id, sequence: item.sequence };
  });
}

export async function updateWorkItemAction(groupSlug: string, workItemId: string, input: unknown) {
  return runAsUser(async (user) => {
    const item = await updateWorkItem(await resolveMemberActor(user, groupSlug), workItemId, input);
    revalidatePath(`${projectsPath(groupSlug)}/${item.projectId}`);
    return { id: item.id };
  });
}

export async function deleteWorkItemAction(groupSlug: string, workItemId: string) {
  return runAsUser(async (user) => {
    const actor = await resolveMemberActor(user, groupSlug);
    await deleteWorkItem(actor, workItemId);
    revalidatePath(projectsPath(groupSlug), "layout");
    return null;
  });
}

export async function addCommentAction(groupSlug: string, workItemId: string, input: unknown) {
  return runAsUser(async (user) => {
    const comment = await addComment(await resolveMemberActor(user, groupSlug), workItemId, input);
    revalidatePath(projectsPath(groupSlug), "layout");
    return { id: comment.id };
  });
}
