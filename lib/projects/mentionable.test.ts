import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { userActor } from "@/lib/auth/actor";
import { addConsent, removeConsent } from "@/lib/consent/mutations";
import { createTestApp } from "@/lib/testing/app-factories";
import type { AppRegistrationInput } from "@/lib/apps/schemas";
import { addComment } from "./comments";
import { mentionToken } from "./mention-syntax";
import { createProject } from "./mutations";
import { listAssignees, listComments } from "./queries";
import { createWorkItem, updateWorkItem } from "./work-item-mutations";
import { botToken, createProjectWorld, refusal, userToken, type ProjectWorld } from "./test-world";

// "Is Mentionable": an installed mentionable app's bot can be assigned work
// and @mentioned, and each assignment or mention is an event for the app.

async function installAnotherApp(world: ProjectWorld, overrides: Partial<AppRegistrationInput> = {}) {
  const admin = userActor(world.admin);
  const { app } = await createTestApp(admin, world.group.slug, { scopes: ["openid"], ...overrides });
  const { installationId } = await addConsent(admin, world.group.slug, { clientId: app.clientId });
  const { botUserId } = await getDb().installation.findUniqueOrThrow({ where: { id: installationId } });
  const bot = await getDb().botUser.findUniqueOrThrow({ where: { id: botUserId } });
  return { app, installationId, botUserId, name: bot.displayName };
}

const appEvents = (groupId: string) =>
  getDb().auditEvent.findMany({ where: { groupId, action: { in: ["app.assigned", "app.mentioned"] } }, orderBy: [{ at: "asc" }, { id: "asc" }] });

const botName = async (botId: string) => (await getDb().botUser.findUniqueOrThrow({ where: { id: botId } })).displayName;

describe("who can be assigned", () => {
  it("offers members and mentionable bots, never a non-mentionable app's bot or a removed app's bot", async () => {
    const world = await createProjectWorld();
    const quiet = await installAnotherApp(world, { isMentionable: false });
    const removed = await installAnotherApp(world, { isMentionable: true });
    await removeConsent(userActor(world.admin), world.group.slug, removed.installationId);

    const offered = await listAssignees(world.actors.member);
    expect(offered.filter((a) => a.type === "bot")).toEqual([{ type: "bot", id: world.botUserId, name: await botName(world.botUserId), detail: "App" }]);
    expect(offered.filter((a) => a.type === "user").map((a) => a.id).sort()).toEqual([world.admin.id, world.member.id, world.viewer.id].sort());

    const project = await createProject(world.actors.member, { name: "P" });
    const bad = refusal("VALIDATION", { assignee: "The assignee must be the bot of a mentionable app installed in this group" });
    for (const bot of [quiet, removed]) {
      await expect(createWorkItem(world.actors.member, project.id, { title: "T", assignee: `bot:${bot.botUserId}` })).rejects.toEqual(bad);
      const item = await createWorkItem(world.actors.member, project.id, { title: "U" });
      await expect(updateWorkItem(world.actors.member, item.id, { assignee: { type: "bot", id: bot.botUserId } })).rejects.toEqual(bad);
    }
    expect(await appEvents(world.group.id)).toEqual([]);
  });
});

describe("events for the app when its bot is assigned", () => {
  it("records app.assigned on create and on update, once per assignment", async () => {
    const world = await createProjectWorld();
    const { member } = world.actors;
    const project = await createProject(member, { name: "P" });
    const item = await createWorkItem(member, project.id, { title: "Triage", assignee: { type: "bot", id: world.botUserId } });
    expect(item.assignee).toEqual({ type: "bot", id: world.botUserId, name: await botName(world.botUserId) });

    const [first, ...rest] = await appEvents(world.group.id);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      action: "app.assigned",
      groupId: world.group.id,
      actorUserId: world.member.id,
      targetType: "installation",
      targetId: world.installationId,
      details: { work_item_id: item.id, project_id: project.id, bot_id: world.botUserId, by: { type: "user", id: world.member.id } },
    });

    // Saving the same bot again, editing other fields, or unassigning: no new event.
    await updateWorkItem(member, item.id, { title: "Triage 2", assignee: `bot:${world.botUserId}` });
    await updateWorkItem(member, item.id, { state: "in_progress" });
    await updateWorkItem(member, item.id, { assignee: { type: "user", id: world.admin.id } });
    await updateWorkItem(member, item.id, { assignee: null });
    await createWorkItem(member, project.id, { title: "For a person", assignee: { type: "user", id: world.viewer.id } });
    expect(await appEvents(world.group.id)).toHaveLength(1);

    // Assigning it again is a new assignment.
    await updateWorkItem(member, item.id, { assignee: `bot:${world.botUserId}` });
    const events = await appEvents(world.group.id);
    expect(events.map((e) => e.action)).toEqual(["app.assigned", "app.assigned"]);
    expect(events[1].details).toMatchObject({ work_item_id: item.id });
  });

  it("records who assigned it through the API: a user's token as the user, the bot as itself", async () => {
    const world = await createProjectWorld();
    const project = await createProject(world.actors.member, { name: "P" });
    const asUser = await userToken(world, world.member);
    const asBot = await botToken(world);
    const viaUser = await createWorkItem(asUser, project.id, { title: "A", assignee: { type: "bot", id: `bot:${world.botUserId}` } });
    const viaBot = await createWorkItem(asBot, project.id, { title: "B" });
    await updateWorkItem(asBot, viaBot.id, { assignee: { type: "bot", id: world.botUserId } });

    const events = await appEvents(world.group.id);
    expect(events.map((e) => [e.details, e.actorUserId, e.actorLabel])).toEqual([
      [expect.objectContaining({ work_item_id: viaUser.id, by: { type: "user", id: world.member.id } }), world.member.id, ""],
      [expect.objectContaining({ work_item_id: viaBot.id, by: { type: "bot", id: world.botUserId } }), null, await botName(world.botUserId)],
    ]);
  });

  it("targets the bot's current installation after the app was removed and added again", async () => {
    const world = await createProjectWorld();
    const admin = userActor(world.admin);
    await removeConsent(admin, world.group.slug, world.installationId);
    const { installationId } = await addConsent(admin, world.group.slug, { clientId: world.app.clientId });
    const project = await createProject(world.actors.member, { name: "P" });
    await createWorkItem(world.actors.member, project.id, { title: "T", assignee: `bot:${world.botUserId}` });
    expect((await appEvents(world.group.id)).map((e) => e.targetId)).toEqual([installationId]);
  });
});

describe("@mentions in comments", () => {
  it("keeps mentions of members and mentionable bots, leaves any other as plain text, and tells the bot's app", async () => {
    const world = await createProjectWorld();
    const other = await createProjectWorld();
    const quiet = await installAnotherApp(world, { isMentionable: false });
    const project = await createProject(world.actors.member, { name: "P" });
    const item = await createWorkItem(world.actors.member, project.id, { title: "T" });
    const claude = { type: "bot" as const, id: world.botUserId, name: "Whatever it was called" };
    const ada = { type: "user" as const, id: world.viewer.id, name: "Viewer" };

    const body = [
      `Hey ${mentionToken(claude)} and ${mentionToken(ada)},`,
      `not ${mentionToken({ type: "user", id: world.outsider.id, name: "Outsider" })}`,
      `nor ${mentionToken({ type: "bot", id: other.botUserId, name: "Elsewhere (bot)" })}`,
      `nor ${mentionToken({ type: "bot", id: quiet.botUserId, name: quiet.name })}`,
      `nor ${mentionToken({ type: "bot", id: world.member.id, name: "Member as bot" })}`,
      `nor ${mentionToken({ type: "user", id: "no-such-user", name: "Ghost" })}.`,
      `Again ${mentionToken(claude)}`,
    ].join(" ");
    const comment = await addComment(world.actors.member, item.id, { body });

    const claudeName = await botName(world.botUserId);
    expect(comment.mentions).toEqual([
      { type: "bot", id: world.botUserId, name: claudeName },
      { type: "user", id: world.viewer.id, name: world.viewer.name },
    ]);
    expect(comment.body).toBe(
      [
        `Hey @[${claudeName}](bot:${world.botUserId}) and @[${world.viewer.name}](user:${world.viewer.id}),`,
        `not @Outsider nor @Elsewhere (bot) nor @${quiet.name} nor @Member as bot nor @Ghost.`,
        `Again @[${claudeName}](bot:${world.botUserId})`,
      ].join(" "),
    );
    expect((await listComments(world.actors.viewer, item.id))[0]).toMatchObject({ body: comment.body, mentions: comment.mentions });

    // One event, for the mentionable bot only, naming the comment.
    const events = await appEvents(world.group.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "app.mentioned",
      targetType: "installation",
      targetId: world.installationId,
      details: { work_item_id: item.id, project_id: project.id, bot_id: world.botUserId, comment_id: comment.id, by: { type: "user", id: world.member.id } },
    });
    expect(await appEvents(other.group.id)).toEqual([]);
  });

  it("stores a comment without mentions as written, and one per comment that mentions the bot", async () => {
    const world = await createProjectWorld();
    const project = await createProject(world.actors.member, { name: "P" });
    const item = await createWorkItem(world.actors.member, project.id, { title: "T" });
    const plain = await addComment(world.actors.member, item.id, { body: "Mail ada@example.com, or @Claude, or @[x](team:1)" });
    expect(plain).toMatchObject({ body: "Mail ada@example.com, or @Claude, or @[x](team:1)", mentions: [] });

    const asBot = await botToken(world);
    const token = mentionToken({ type: "bot", id: world.botUserId, name: "Claude (bot)" });
    const first = await addComment(world.actors.admin, item.id, { body: `${token} please` });
    const second = await addComment(asBot, item.id, { body: `Noted, ${token} is on it` });
    const events = await appEvents(world.group.id);
    expect(events.map((e) => (e.details as { comment_id: string; by: unknown }).comment_id)).toEqual([first.id, second.id]);
    expect(events[1].details).toMatchObject({ by: { type: "bot", id: world.botUserId } });
  });

  it("writes neither comment nor event when the comment is refused", async () => {
    const world = await createProjectWorld();
    const project = await createProject(world.actors.member, { name: "P" });
    const item = await createWorkItem(world.actors.member, project.id, { title: "T" });
    const body = mentionToken({ type: "bot", id: world.botUserId, name: "Claude (bot)" });
    await expect(addComment(world.actors.viewer, item.id, { body })).rejects.toEqual(refusal("FORBIDDEN"));
    expect(await getDb().workItemComment.count({ where: { workItemId: item.id } })).toBe(0);
    expect(await appEvents(world.group.id)).toEqual([]);
  });
});
