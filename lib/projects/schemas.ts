import { z } from "zod";

// One set of schemas for the web forms, the server actions and the API bodies.

export const WORK_ITEM_STATES = ["BACKLOG", "TODO", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export type WorkItemStateId = (typeof WORK_ITEM_STATES)[number];

export const STATE_LABELS: Record<WorkItemStateId, string> = {
  BACKLOG: "Backlog",
  TODO: "To do",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  CANCELLED: "Cancelled",
};

export const projectName = z.string().trim().min(1, "Give the project a name").max(80, "Use at most 80 characters");
export const projectDescription = z.string().trim().max(2000, "Use at most 2000 characters");
export const workItemTitle = z.string().trim().min(1, "Give the work item a title").max(200, "Use at most 200 characters");
export const workItemDescription = z.string().trim().max(10_000, "Use at most 10000 characters");
export const commentBody = z.string().trim().min(1, "Write a comment first").max(10_000, "Use at most 10000 characters");

export const createProjectSchema = z.object({ name: projectName, description: projectDescription.default("") });
export const updateProjectSchema = z.object({ name: projectName.optional(), description: projectDescription.optional() });

// States are written IN_PROGRESS in the web UI and in_progress in the API.
const state = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toUpperCase() : value),
  z.enum(WORK_ITEM_STATES, { error: "Choose a state: backlog, todo, in_progress, done or cancelled" }),
);

export type AssigneeRef = { type: "user" | "bot"; id: string };

// "user:<id>" / "bot:<id>" as a picker's value, "" for nobody.
export function assigneeKey(ref: AssigneeRef | null): string {
  return ref ? `${ref.type}:${ref.id}` : "";
}

function parseAssigneeKey(value: string): unknown {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const colon = trimmed.indexOf(":");
  return colon < 0 ? { type: "", id: trimmed } : { type: trimmed.slice(0, colon), id: trimmed.slice(colon + 1) };
}

// An assignee is a user or an app's bot: { "type": "user", "id": "…" } (the
// API's shape, the same as it answers), a picker key, or null for nobody.
const assignee = z.preprocess(
  (value) => (typeof value === "string" ? parseAssigneeKey(value) : value),
  z
    .object({
      type: z.enum(["user", "bot"], { error: "An assignee is a user or a bot" }),
      // A bot's subject "bot:<id>" is accepted as its id too.
      id: z.string().trim().min(1, "Choose who to assign").max(64, "Unknown assignee").transform((id) => id.replace(/^bot:/, "")),
    }, { error: 'An assignee is { "type": "user" | "bot", "id": "…" } or null' })
    .nullable(),
);

export const createWorkItemSchema = z.object({
  title: workItemTitle,
  description: workItemDescription.default(""),
  state: state.optional(),
  assignee: assignee.optional(),
});

// Only the fields sent change; "assignee": null unassigns.
export const updateWorkItemSchema = z.object({
  title: workItemTitle.optional(),
  description: workItemDescription.optional(),
  state: state.optional(),
  assignee: assignee.optional(),
});

// GET …/work-items?state=in_progress
export const workItemFilterSchema = z.object({ state: state.optional() });

export const createCommentSchema = z.object({ body: commentBody });

// The web form's values (the picker sends its key string).
export const workItemFormSchema = z.object({
  title: workItemTitle,
  description: workItemDescription,
  state: z.enum(WORK_ITEM_STATES, { error: "Choose a state" }),
  assignee: z.string(),
});

export type ProjectFormValues = z.input<typeof createProjectSchema>;
export type WorkItemFormValues = z.input<typeof workItemFormSchema>;
export type CreateWorkItem = z.output<typeof createWorkItemSchema>;
export type UpdateWorkItem = z.output<typeof updateWorkItemSchema>;
