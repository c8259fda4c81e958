import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { userActor } from "@/lib/auth/actor";
import { addConsent, removeConsent } from "@/lib/consent/mutations";
import type { AppRegistrationInput } from "@/lib/apps/schemas";
import { createTestApp } from "@/lib/testing/app-factories";
import { createGroupWithMembers, uniqueSuffix } from "@/lib/testing/factories";
import { commentJson, projectJson, workItemJson } from "./api-json";
import { addComment } from "./comments";
import { mentionToken } from "./mention-syntax";
import { createProject, deleteProject, updateProject } from "./mutations";
import { createWorkItem, deleteWorkItem, updateWorkItem } from "./work-item-mutations";
import { botToken, createProjectWorld, eventNames, giveAppWebhook, outboxOf, refusal, userToken, type ProjectWorld } from "./test-world";

// Every change to projects, work items and comments reaches each app
// installed in the group with a webhook, through the outbox row written in
// the change's own transaction; assignments and @mentions of an app's bot
// also reach that app alone (work_item.assigned, comment.mention).

// The world's app (mentionable, installed) with a webhook.
async function worldWithWebhook() {
  const world = await createProjectWorld();
  const webhookId = await giveAppWebhook(world.app.id);
  return { ...world, webhookId };
}

// Another app registered in the world's group, with a webhook: installed
// (default), or left uninstalled.
async function anotherApp(world: ProjectWorld, options: { install?: boolean; app?: Partial<AppRegistrationInput> } = {}) {
  const admin = userActor(world.admin);
  const { app } = await createTestApp(admin, world.group.slug, { scopes: ["openid"], ...options.app });
  const installationId = options.install === false ? null : (await addConsent(admin, world.group.slug, { clientId: app.clientId })).installationId;
  const webhookId = await giveAppWebhook(app.id);
  return { app, installationId, webhookId };
}

const botActor = (world: ProjectWorld, name: string) => ({ type: "bot", id: `bot:${world.botUserId}`, name });
const botName = async (botId: string) => (await getDb().botUser.findUniqueOrThrow({ where: { id: botId } })).displayName;

// Fails a statement of the test's own transactions from inside SQLite (the
// condition names this test's rows only: other test files share the database).
const triggers: string[] = [];
async function failInsert(table: string, when: string) {
  const name = `fail_${uniqueSuffix()}`;
  await getDb().$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" WHEN ${when} BEGIN SELECT RAISE(ABORT, 'refused by test'); END`);
  triggers.push(name);
}
afterEach(async () => {
  for (const name of triggers.splice(0)) await getDb().$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name}`);
});

describe("project events", () => {
  it("reports created, updated (with the fields changed) and deleted, with the API's JSON", async () => {
    const world = await worldWithWebhook();
    const project = await createProject(world.actors.member, { name: "Website", description: "The public site" });

    const [created] = await outboxOf(world.webhookId);
    expect(created).toMatchObject({ event: "project", action: "created", groupId: world.group.id, installationId: world.installationId, status: "PENDING" });
    expect(created.payload).toEqual({
      id: created.id,
      event: "project",
      action: "created",
      webhook_id: world.webhookId,
      workspace_id: world.group.id,
      installation_id: world.installationId,
      data: projectJson(project),
      activity: { actor: { type: "user", id: world.member.id }, at: expect.any(String) },
    });
    expect(Date.parse(created.payload.activity.at)).not.toBeNaN();

    const renamed = await updateProject(world.actors.admin, project.id, { name: "Web", description: "The public site" });
    // Saving what is already there changes nothing, and reports nothing.
    await updateProject(world.actors.admin, project.id, { name: "Web" });
    await updateProject(world.actors.admin, project.id, {});
    await createWorkItem(world.actors.member, project.id, { title: "Goes with the project" });
    await deleteProject(world.actors.member, project.id);

    const rows = await outboxOf(world.webhookId);
    expect(rows.map((row) => `${row.event}.${row.action}`)).toEqual(["project.created", "project.updated", "work_item.created", "project.deleted"]);
    const [, updated, , deleted] = rows;
    expect(updated.payload.data).toEqual({ ...projectJson(renamed), changes: ["name"] });
    expect(updated.payload.activity.actor).toEqual({ type: "user", id: world.admin.id });
    // (Numbering a new work item touched the project's updated_at since.)
    expect(deleted.payload.data).toEqual({ ...projectJson(renamed), updated_at: expect.any(String) });
  });

  it("names a bot by its subject and a user's token as the user", async () => {
    const world = await worldWithWebhook();
    const name = await botName(world.botUserId);
    await createProject(await botToken(world), { name: "By the bot" });
    await createProject(await userToken(world, world.member), { name: "For the member" });
    const actors = (await outboxOf(world.webhookId)).map((row) => [row.payload.data.name, row.payload.activity.actor]);
    expect(actors).toEqual(
      expect.arrayContaining([
        ["By the bot", botActor(world, name)],
        ["For the member", { type: "user", id: world.member.id }],
      ]),
    );
    expect(actors).toHaveLength(2);
  });
});

describe("work item events", () => {
  it("reports created, each real update with its changes, and deleted", async () => {
    const world = await worldWithWebhook();
    const { member } = world.actors;
    const project = await createProject(member, { name: "Ops" });
    const item = await createWorkItem(member, project.id, { title: "Rotate keys" });
    const moved = await updateWorkItem(member, item.id, { state: "in_progress", title: "Rotate the keys", description: "" });
    const assigned = await updateWorkItem(member, item.id, { assignee: { type: "user", id: world.admin.id } });
    // Same values again: no write, no event.
    await updateWorkItem(member, item.id, { state: "IN_PROGRESS", assignee: `user:${world.admin.id}` });
    await deleteWorkItem(member, item.id);

    const rows = (await outboxOf(world.webhookId)).filter((row) => row.event === "work_item");
    expect(rows.map((row) => row.action)).toEqual(["created", "updated", "updated", "deleted"]);
    expect(rows[0].payload.data).toEqual(workItemJson(item));
    expect(rows[1].payload.data).toEqual({ ...workItemJson(moved), changes: ["title", "state"] });
    expect(rows[2].payload.data).toEqual({ ...workItemJson(assigned), changes: ["assignee"] });
    expect(rows[3].payload.data).toEqual(workItemJson(assigned));
    expect(rows[3].payload).toMatchObject({ workspace_id: world.group.id, installation_id: world.installationId, webhook_id: world.webhookId });
  });

  it("tells the assigned bot's app alone with work_item.assigned; every app hears the change", async () => {
    const world = await worldWithWebhook();
    const other = await anotherApp(world);
    const { member } = world.actors;
    const project = await createProject(member, { name: "P" });
    const item = await createWorkItem(member, project.id, { title: "Triage", assignee: `bot:${world.botUserId}` });

    expect(await eventNames(world.webhookId)).toEqual(["project.created", "work_item.assigned", "work_item.created"]);
    expect(await eventNames(other.webhookId)).toEqual(["project.created", "work_item.created"]);
    const assigned = (await outboxOf(world.webhookId)).find((row) => row.action === "assigned")!;
    expect(assigned.payload).toMatchObject({
      event: "work_item",
      action: "assigned",
      installation_id: world.installationId,
      workspace_id: world.group.id,
      data: workItemJson(item),
      activity: { actor: { type: "user", id: world.member.id } },
    });

    // Unassigned, then assigned again through the bot's own token: a new assignment.
    await updateWorkItem(member, item.id, { assignee: null });
    await updateWorkItem(await botToken(world), item.id, { assignee: { type: "bot", id: world.botUserId } });
    expect(await eventNames(world.webhookId)).toEqual(["project.created", "work_item.assigned", "work_item.assigned", "work_item.created", "work_item.updated", "work_item.updated"]);
    expect(await eventNames(other.webhookId)).toEqual(["project.created", "work_item.created", "work_item.updated", "work_item.updated"]);
    const last = (await outboxOf(world.webhookId)).filter((row) => row.action === "assigned")[1];
    expect(last.payload.activity.actor).toEqual(botActor(world, await botName(world.botUserId)));
  });
});

describe("comment events", () => {
  it("reports comment.created to every app and comment.mention to the mentioned bot's app", async () => {
    const world = await worldWithWebhook();
    const other = await anotherApp(world);
    const project = await createProject(world.actors.member, { name: "P" });
    const item = await createWorkItem(world.actors.member, project.id, { title: "T" });
    const token = mentionToken({ type: "bot", id: world.botUserId, name: "Agent" });
    const comment = await addComment(world.actors.member, item.id, { body: `${token} can you look? ${token}` });
    const plain = await addComment(await botToken(world), item.id, { body: "On it" });

    const comments = (rows: Awaited<ReturnType<typeof outboxOf>>) => rows.filter((row) => row.event === "comment");
    const mine = comments(await outboxOf(world.webhookId));
    expect(mine.map((row) => row.action).sort()).toEqual(["created", "created", "mention"]);
    const mention = mine.find((row) => row.action === "mention")!;
    expect(mention.payload).toMatchObject({ installation_id: world.installationId, data: commentJson(comment), activity: { actor: { type: "user", id: world.member.id } } });
    expect(commentJson(comment).mentions).toEqual([{ type: "bot", id: world.botUserId, name: await botName(world.botUserId) }]);
    const byBot = mine.find((row) => row.payload.data.id === plain.id)!;
    expect(byBot.payload).toMatchObject({ action: "created", data: commentJson(plain), activity: { actor: botActor(world, await botName(world.botUserId)) } });

    const theirs = comments(await outboxOf(other.webhookId));
    expect(theirs.map((row) => [row.action, row.payload.data.id]).sort()).toEqual([["created", comment.id], ["created", plain.id]].sort());
    expect(theirs.every((row) => row.payload.installation_id === other.installationId)).toBe(true);
  });
});

describe("who receives nothing", () => {
  it("an app not installed in the group, one installed elsewhere, and one whose consent was removed", async () => {
    const world = await worldWithWebhook();
    const stranger = await anotherApp(world, { install: false });
    const removed = await anotherApp(world);
    await removeConsent(userActor(world.admin), world.group.slug, removed.installationId!);
    const elsewhere = await createGroupWithMembers();
    const { app: far } = await createTestApp(userActor(elsewhere.admin), elsewhere.group.slug);
    await addConsent(userActor(elsewhere.admin), elsewhere.group.slug, { clientId: far.clientId });
    const farWebhook = await giveAppWebhook(far.id);

    const project = await createProject(world.actors.member, { name: "P" });
    const item = await createWorkItem(world.actors.member, project.id, { title: "T", assignee: `bot:${world.botUserId}` });
    await addComment(world.actors.member, item.id, { body: "Hello" });
    await deleteWorkItem(world.actors.member, item.id);

    expect(await eventNames(stranger.webhookId)).toEqual([]);
    expect(await eventNames(removed.webhookId)).toEqual(["app.uninstalled"]);
    expect(await eventNames(farWebhook)).toEqual([]);
    expect(await eventNames(world.webhookId)).toEqual(["comment.created", "project.created", "work_item.assigned", "work_item.created", "work_item.deleted"]);
  });

  it("an app without a webhook: nothing is written for it", async () => {
    const world = await createProjectWorld();
    await createProject(world.actors.member, { name: "P" });
    expect(await getDb().webhookEvent.count({ where: { groupId: world.group.id } })).toBe(0);
  });
});

describe("a refused or failed change writes no event", () => {
  it("refused before the transaction: a viewer, an unknown id, invalid input", async () => {
    const world = await worldWithWebhook();
    const project = await createProject(world.actors.member, { name: "P" });
    await expect(createProject(world.actors.viewer, { name: "Nope" })).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(updateProject(world.actors.member, "no-such-project", { name: "X" })).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(deleteProject(world.actors.member, "no-such-project")).rejects.toEqual(refusal("NOT_FOUND"));
    await expect(createWorkItem(world.actors.member, project.id, { title: "" })).rejects.toEqual(refusal("VALIDATION"));
    await expect(addComment(world.actors.viewer, "whatever", { body: "x" })).rejects.toEqual(refusal("FORBIDDEN"));
    expect(await eventNames(world.webhookId)).toEqual(["project.created"]);
  });

  it("failing inside the transaction: the change and every event written before roll back", async () => {
    const world = await worldWithWebhook();
    const other = await anotherApp(world);
    // The other app's outbox row can't be written: the project is not created,
    // and neither is the world app's row (whichever was written first).
    await failInsert("WebhookEvent", `NEW."webhookId" = '${other.webhookId}'`);
    await expect(createProject(world.actors.member, { name: "Doomed" })).rejects.toThrow();
    expect(await getDb().project.count({ where: { groupId: world.group.id } })).toBe(0);
    expect(await eventNames(world.webhookId)).toEqual([]);
    expect(await eventNames(other.webhookId)).toEqual([]);
  });

  it("a failing assignment or mention record rolls back the work item or comment and its events", async () => {
    const world = await worldWithWebhook();
    const project = await createProject(world.actors.member, { name: "P" });
    const item = await createWorkItem(world.actors.member, project.id, { title: "T" });
    const before = await eventNames(world.webhookId);
    // The audit record comes after work_item.created / comment.created were written.
    await failInsert("AuditEvent", `NEW."groupId" = '${world.group.id}' AND NEW."action" IN ('app.assigned', 'app.mentioned')`);

    await expect(createWorkItem(world.actors.member, project.id, { title: "Doomed", assignee: `bot:${world.botUserId}` })).rejects.toThrow();
    await expect(updateWorkItem(world.actors.member, item.id, { title: "Renamed", assignee: `bot:${world.botUserId}` })).rejects.toThrow();
    const token = mentionToken({ type: "bot", id: world.botUserId, name: "Agent" });
    await expect(addComment(world.actors.member, item.id, { body: `${token} hi` })).rejects.toThrow();

    expect(await getDb().workItem.count({ where: { projectId: project.id } })).toBe(1);
    expect(await getDb().workItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ title: "T", assigneeBotId: null });
    expect(await getDb().workItemComment.count({ where: { workItemId: item.id } })).toBe(0);
    expect(await eventNames(world.webhookId)).toEqual(before);
  });
});
