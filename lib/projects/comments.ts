import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { actingIds, requireAccess, type ProjectActor } from "./actor";
import { findWorkItemInGroup } from "./queries";
import { createCommentSchema } from "./schemas";
import { commentInclude, toCommentView, type CommentView } from "./view";

// Comments on a work item, written by a member or an app (its user or its
// bot). Commenting is writing: it needs work_items:write.
export async function addComment(actor: ProjectActor, workItemId: string, input: unknown): Promise<CommentView> {
  requireAccess(actor, "work_items", "write");
  const { body } = parseInput(createCommentSchema, input);
  const workItem = await findWorkItemInGroup(actor.groupId, workItemId);
  const by = actingIds(actor);
  const row = await getDb().workItemComment.create({
    data: { workItemId: workItem.id, body, authorUserId: by.userId, authorBotId: by.botId },
    include: commentInclude,
  });
  return toCommentView(row);
}
