import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { userActor } from "@/lib/auth/actor";
import { removeConsent } from "@/lib/consent/mutations";
import { createProject, deleteProject, updateProject } from "./mutations";
import { getProject, getWorkItem, listComments, listProjects, listWorkItems } from "./queries";
import { createWorkItem, deleteWorkItem, updateWorkItem } from "./work-item-mutations";
import { addComment } from "./comments";
import { resolveMemberActor } from "./actor";
import { botPrincipal, botToken, createProjectWorld, refusal, userPrincipal, userToken } from "./test-world";

const insufficient = (scope: string) => refusal("FORBIDDEN", { oauth_error: "insufficient_scope", scope });
const invalidToken = refusal("UNAUTHENTICATED", { oauth_error: "invalid_token" });

async function worldWithItem() {
  const world = await createProjectWorld();
  const project = await createProject(world.actors.member, { name: "Launch" });
  const item = await createWorkItem(world.actors.member, project.id, { title: "Write the announcement" });
  return { world, project, item };
}

describe("who may read and write projects and work items", () => {
  it("lets every member read, and only members and admins write, in the web UI", async () => {
    const { world, project, item } = await worldWithItem();
    const { viewer, admin } = world.actors;
    expect((await listProjects(viewer)).map((p) => p.id)).toEqual([project.id]);
    expect(await getWorkItem(viewer, item.id)).toMatchObject({ title: "Write the announcement" });
    await expect(createProject(viewer, { name: "Mine" })).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(updateWorkItem(viewer, item.id, { state: "DONE" })).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(addComment(viewer, item.id, { body: "hi" })).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(deleteProject(viewer, project.id)).rejects.toEqual(refusal("FORBIDDEN"));
    await expect(updateWorkItem(admin, item.id, { state: "DONE" })).resolves.toMatchObject({ state: "DONE" });
  });

  it("never lets a viewer's token write, even when the token and the app may", async () => {
    const { world, project, item } = await worldWithItem();
    const principal = await userPrincipal(world, world.viewer);
    expect(principal.scopes.has("projects:write")).toBe(false);
    const viewer = await userToken(world, world.viewer);
    expect(await listWorkItems(viewer, project.id)).toHaveLength(1);
    await expect(createProject(viewer, { name: "Sneaky" })).rejects.toEqual(insufficient("projects:write"));
    await expect(updateWorkItem(viewer, item.id, { title: "Sneaky" })).rejects.toEqual(insufficient("work_items:write"));
    await expect(addComment(viewer, item.id, { body: "Sneaky" })).rejects.toEqual(insufficient("work_items:write"));
  });

  it("refuses a token without work_items:write, and reading without the read scopes", async () => {
    const { world, project, item } = await worldWithItem();
    const readOnly = await userToken(world, world.member, ["openid", "projects:read", "projects:write", "work_items:read"]);
    await expect(createWorkItem(readOnly, project.id, { title: "x" })).rejects.toEqual(insufficient("work_items:write"));
    await expect(deleteWorkItem(readOnly, item.id)).rejects.toEqual(insufficient("work_items:write"));
    await expect(updateProject(readOnly, project.id, { name: "Renamed" })).resolves.toMatchObject({ name: "Renamed" });

    const identityOnly = await userToken(world, world.member, ["openid", "profile"]);
    await expect(listProjects(identityOnly)).rejects.toEqual(insufficient("projects:read"));
    await expect(getProject(identityOnly, project.id)).rejects.toEqual(insufficient("projects:read"));
    await expect(listComments(identityOnly, item.id)).rejects.toEqual(insufficient("work_items:read"));
  });

  it("caps a token at what the group consented to", async () => {
    const world = await createProjectWorld({ consentScopes: ["openid", "projects:read", "work_items:read"] });
    const member = await userToken(world, world.member);
    await expect(createProject(member, { name: "Nope" })).rejects.toEqual(insufficient("projects:write"));
    const bot = await botToken(world);
    await expect(createProject(bot, { name: "Nope" })).rejects.toEqual(insufficient("projects:write"));
  });

  it("lets an app's bot write with the installation's scopes, as itself", async () => {
    const { world, project, item } = await worldWithItem();
    const bot = await botToken(world);
    const created = await createWorkItem(bot, project.id, { title: "Triage", assignee: { type: "bot", id: world.botUserId } });
    expect(created.createdBy).toEqual({ type: "bot", id: world.botUserId, name: `${world.app.name} (bot)` });
    expect(created.assignee).toEqual(created.createdBy);
    const comment = await addComment(bot, item.id, { body: "On it" });
    expect(comment.author).toMatchObject({ type: "bot", id: world.botUserId });
  });

  it("reports another group's projects and work items as not found, to people and to tokens", async () => {
    const { project, item } = await worldWithItem();
    const other = await createProjectWorld();
    for (const actor of [other.actors.admin, await userToken(other, other.admin), await botToken(other)]) {
      await expect(getProject(actor, project.id)).rejects.toEqual(refusal("NOT_FOUND"));
      await expect(listWorkItems(actor, project.id)).rejects.toEqual(refusal("NOT_FOUND"));
      await expect(getWorkItem(actor, item.id)).rejects.toEqual(refusal("NOT_FOUND"));
      await expect(updateProject(actor, project.id, { name: "Mine" })).rejects.toEqual(refusal("NOT_FOUND"));
      await expect(createWorkItem(actor, project.id, { title: "Mine" })).rejects.toEqual(refusal("NOT_FOUND"));
      await expect(updateWorkItem(actor, item.id, { title: "Mine" })).rejects.toEqual(refusal("NOT_FOUND"));
      await expect(deleteWorkItem(actor, item.id)).rejects.toEqual(refusal("NOT_FOUND"));
      await expect(addComment(actor, item.id, { body: "Mine" })).rejects.toEqual(refusal("NOT_FOUND"));
      await expect(deleteProject(actor, project.id)).rejects.toEqual(refusal("NOT_FOUND"));
      expect(await listProjects(actor)).toEqual([]);
    }
  });

  it("refuses a non-member in the web UI as if the group did not exist", async () => {
    const world = await createProjectWorld();
    await expect(resolveMemberActor(userActor(world.outsider), world.group.slug)).rejects.toEqual(refusal("NOT_FOUND"));
    const actor = await resolveMemberActor(userActor(world.viewer), world.group.slug);
    expect(actor).toEqual({ kind: "member", userId: world.viewer.id, groupId: world.group.id, role: "VIEWER" });
  });
});

describe("changes take effect on the next call", () => {
  it("ends user and bot tokens when the consent is removed", async () => {
    const world = await createProjectWorld();
    await userPrincipal(world, world.member);
    await removeConsent(userActor(world.admin), world.group.slug, world.installationId);
    await expect(userPrincipal(world, world.member)).rejects.toEqual(invalidToken);
    await expect(botPrincipal(world)).rejects.toEqual(invalidToken);
  });

  it("ends a user's token when they leave the group, and narrows it when they become a viewer", async () => {
    const world = await createProjectWorld();
    const principal = await userPrincipal(world, world.member);
    expect(principal.scopes.has("work_items:write")).toBe(true);
    await getDb().membership.update({ where: { userId_groupId: { userId: world.member.id, groupId: world.group.id } }, data: { role: "VIEWER" } });
    expect((await userPrincipal(world, world.member)).scopes.has("work_items:write")).toBe(false);
    await getDb().membership.delete({ where: { userId_groupId: { userId: world.member.id, groupId: world.group.id } } });
    await expect(userPrincipal(world, world.member)).rejects.toEqual(invalidToken);
  });

  it("ends every token of a suspended or deleted app", async () => {
    const world = await createProjectWorld();
    await getDb().app.update({ where: { id: world.app.id }, data: { status: "SUSPENDED" } });
    await expect(botPrincipal(world)).rejects.toEqual(invalidToken);
    await getDb().app.update({ where: { id: world.app.id }, data: { status: "ACTIVE" } });
    await expect(botPrincipal(world)).resolves.toMatchObject({ groupId: world.group.id });
    await getDb().app.delete({ where: { id: world.app.id } });
    await expect(botPrincipal(world)).rejects.toEqual(invalidToken);
  });
});
