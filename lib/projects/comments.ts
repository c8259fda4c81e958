import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { actingIds, requireAccess, type ProjectActor } from "./actor";
import { commentJson } from "./api-json";
import { recordAppEvents } from "./app-events";
import { emitProjectEvent } from "./events";
import { resolveMentions } from "./mentions";
import { findWorkItemInGroup } from "./queries";
import { createCommentSchema } from "./schemas";
import { commentInclude, toCommentView, type CommentView } from "./view";

// Comments on a work item, written by a member or an app (its user or its
// bot). Commenting is writing: it needs work_items:write. @mention tokens
// naming members or mentionable bots of the group are kept (any other is
// stored as plain text). In the same transaction as the comment: a
// comment.created webhook event for every installed app, and for each bot
// mentioned, an event for its app (audit + comment.mention to it alone).
export async function addComment(actor: ProjectActor, workItemId: string, input: unknown): Promise<CommentView> {
  requireAccess(actor, "work_items", "write");
  const { body: written } = parseInput(createCommentSchema, input);
  const workItem = await findWorkItemInGroup(actor.groupId, workItemId);
  const by = actingIds(actor);
  return getDb().$transaction(async (tx) => {
    const { body, mentions } = await resolveMentions(actor.groupId, written, tx);
    const row = await tx.workItemComment.create({
      data: { workItemId: workItem.id, body, authorUserId: by.userId, authorBotId: by.botId },
      include: commentInclude,
    });
    const comment = toCommentView(row);
    const data = commentJson(comment);
    await emitProjectEvent(tx, actor, "comment", "created", data);
    const bots = mentions.filter((mention) => mention.type === "bot");
    await recordAppEvents(tx, actor, bots.map((bot) => ({ action: "app.mentioned", botId: bot.id, workItem, commentId: comment.id, data })));
    return comment;
  });
}
