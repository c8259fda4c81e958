import { AppError } from "@/lib/errors";
import type { ProjectSummary } from "./queries";
import type { CommentView, PersonRef, ProjectView, WorkItemView } from "./view";

// The Tessera API's JSON: snake_case keys, lower-case states, ISO dates.

export function personJson(person: PersonRef | null) {
  return person && { type: person.type, id: person.id, name: person.name };
}

export function projectJson(project: ProjectView | ProjectSummary) {
  return {
    id: project.id,
    group_id: project.groupId,
    name: project.name,
    description: project.description,
    ...("workItemCount" in project ? { work_item_count: project.workItemCount, open_work_item_count: project.openCount } : {}),
    created_by: personJson(project.createdBy),
    created_at: project.createdAt.toISOString(),
    updated_at: project.updatedAt.toISOString(),
  };
}

export function workItemJson(item: WorkItemView) {
  return {
    id: item.id,
    project_id: item.projectId,
    group_id: item.groupId,
    sequence: item.sequence,
    title: item.title,
    description: item.description,
    state: item.state.toLowerCase(),
    assignee: personJson(item.assignee),
    created_by: personJson(item.createdBy),
    created_at: item.createdAt.toISOString(),
    updated_at: item.updatedAt.toISOString(),
  };
}

export function commentJson(comment: CommentView) {
  return {
    id: comment.id,
    work_item_id: comment.workItemId,
    // Mentions are written @[Name](user:<id>) or @[Name](bot:<id>) in the body.
    body: comment.body,
    mentions: comment.mentions.map(personJson),
    author: personJson(comment.author),
    created_at: comment.createdAt.toISOString(),
  };
}

// A request's JSON object body; anything else is an RFC 6750 invalid_request.
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const malformed = () => new AppError("VALIDATION", "The request body must be a JSON object", { oauth_error: "invalid_request" });
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw malformed();
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw malformed();
  return body as Record<string, unknown>;
}

export const noContent = () => new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
