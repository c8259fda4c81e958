import { getDb } from "@/lib/db";
import { assignableBotsWhere } from "./assignees";
import { mentionsIn, rewriteMentions, type MentionRef } from "./mention-syntax";

type Reader = Pick<ReturnType<typeof getDb>, "membership" | "botUser">;

export type ResolvedBody = { body: string; mentions: MentionRef[] };

// The body to store for a comment in this group: tokens naming a member or
// the bot of a mentionable app installed here are kept (with the current
// name); any other token (a stranger, another group's bot, an app that is not
// mentionable or no longer installed, a made-up id) is left as plain "@name".
export async function resolveMentions(groupId: string, body: string, db: Reader = getDb()): Promise<ResolvedBody> {
  const wanted = mentionsIn(body);
  if (wanted.length === 0) return { body, mentions: [] };
  const ids = (type: MentionRef["type"]) => wanted.filter((ref) => ref.type === type).map((ref) => ref.id);
  const [members, bots] = await Promise.all([
    db.membership.findMany({ where: { groupId, userId: { in: ids("user") } }, select: { user: { select: { id: true, name: true } } } }),
    db.botUser.findMany({ where: { id: { in: ids("bot") }, ...assignableBotsWhere(groupId) }, select: { id: true, displayName: true } }),
  ]);
  const names = new Map<string, string>([
    ...members.map(({ user }) => [`user:${user.id}`, user.name] as const),
    ...bots.map((bot) => [`bot:${bot.id}`, bot.displayName] as const),
  ]);
  const stored = rewriteMentions(body, (ref) => {
    const name = names.get(`${ref.type}:${ref.id}`);
    return name === undefined ? null : { ...ref, name };
  });
  return { body: stored, mentions: mentionsIn(stored) };
}
