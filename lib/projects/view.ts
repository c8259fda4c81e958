import { mentionsIn } from "./mention-syntax";
import type { WorkItemStateId } from "./schemas";

// What pages and the API show of projects, work items and comments. Whoever
// created, is assigned or wrote something is a user or an app's bot.
export type PersonRef = { type: "user" | "bot"; id: string; name: string };

export type ProjectView = {
  id: string;
  groupId: string;
  name: string;
  description: string;
  createdBy: PersonRef | null;
  createdAt: Date;
  updatedAt: Date;
};

export type WorkItemView = {
  id: string;
  projectId: string;
  groupId: string;
  sequence: number;
  title: string;
  description: string;
  state: WorkItemStateId;
  assignee: PersonRef | null;
  createdBy: PersonRef | null;
  createdAt: Date;
  updatedAt: Date;
};

// The body keeps its @mention tokens (see mention-syntax.ts); mentions lists
// who they name, as they were named when the comment was written.
export type CommentView = { id: string; workItemId: string; body: string; mentions: PersonRef[]; author: PersonRef | null; createdAt: Date };

type UserName = { id: string; name: string } | null;
type BotName = { id: string; displayName: string } | null;

const user = { select: { id: true, name: true } } as const;
const bot = { select: { id: true, displayName: true } } as const;

export const projectInclude = { createdByUser: user, createdByBot: bot } as const;
export const workItemInclude = { assigneeUser: user, assigneeBot: bot, createdByUser: user, createdByBot: bot } as const;
export const commentInclude = { authorUser: user, authorBot: bot } as const;

export function personRef(userRow: UserName, botRow: BotName): PersonRef | null {
  if (userRow) return { type: "user", id: userRow.id, name: userRow.name };
  if (botRow) return { type: "bot", id: botRow.id, name: botRow.displayName };
  return null;
}

type ProjectRow = { id: string; groupId: string; name: string; description: string; createdAt: Date; updatedAt: Date; createdByUser: UserName; createdByBot: BotName };

export function toProjectView(row: ProjectRow): ProjectView {
  return {
    id: row.id,
    groupId: row.groupId,
    name: row.name,
    description: row.description,
    createdBy: personRef(row.createdByUser, row.createdByBot),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

type WorkItemRow = Omit<WorkItemView, "assignee" | "createdBy"> & { assigneeUser: UserName; assigneeBot: BotName; createdByUser: UserName; createdByBot: BotName };

export function toWorkItemView(row: WorkItemRow): WorkItemView {
  return {
    id: row.id,
    projectId: row.projectId,
    groupId: row.groupId,
    sequence: row.sequence,
    title: row.title,
    description: row.description,
    state: row.state,
    assignee: personRef(row.assigneeUser, row.assigneeBot),
    createdBy: personRef(row.createdByUser, row.createdByBot),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

type CommentRow = { id: string; workItemId: string; body: string; createdAt: Date; authorUser: UserName; authorBot: BotName };

export function toCommentView(row: CommentRow): CommentView {
  return {
    id: row.id,
    workItemId: row.workItemId,
    body: row.body,
    mentions: mentionsIn(row.body),
    author: personRef(row.authorUser, row.authorBot),
    createdAt: row.createdAt,
  };
}
