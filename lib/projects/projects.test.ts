import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createProject, deleteProject, updateProject } from "./mutations";
import { getProject, getWorkItem, listComments, listProjects, listWorkItems } from "./queries";
import { createWorkItem, deleteWorkItem, updateWorkItem } from "./work-item-mutations";
import { addComment } from "./comments";
import { createProjectWorld, refusal, userToken } from "./test-world";

describe("projects", () => {
  it("creates, lists with counts, renames and deletes a project with its work items", async () => {
    const world = await createProjectWorld();
    const { member } = world.actors;
    const project = await createProject(member, { name: "  Website  ", description: "The public site" });
    expect(project).toMatchObject({ name: "Website", description: "The public site", groupId: world.group.id });
    expect(project.createdBy).toEqual({ type: "user", id: world.member.id, name: world.member.name });
    await createProject(member, { name: "App" });

    const item = await createWorkItem(member, project.id, { title: "Hero image" });
    await createWorkItem(member, project.id, { title: "Footer", state: "done" });
    await addComment(member, item.id, { body: "Looks good" });
    const listed = await listProjects(world.actors.viewer);
    expect(listed.map((p) => [p.name, p.workItemCount, p.openCount])).toEqual([["App", 0, 0], ["Website", 2, 1]]);

    const renamed = await updateProject(world.actors.admin, project.id, { name: "Web" });
    expect(renamed).toMatchObject({ name: "Web", description: "The public site" });
    expect(await updateProject(member, project.id, {})).toMatchObject({ name: "Web" });

    await deleteProject(member, project.id);
    await expect(getProject(member, project.id)).rejects.toEqual(refusal("NOT_FOUND"));
    expect(await getDb().workItem.count({ where: { projectId: project.id } })).toBe(0);
    expect(await getDb().workItemComment.count({ where: { workItemId: item.id } })).toBe(0);
  });

  it("validates names", async () => {
    const world = await createProjectWorld();
    await expect(createProject(world.actors.member, { name: "   " })).rejects.toEqual(refusal("VALIDATION", { name: "Give the project a name" }));
    await expect(createProject(world.actors.member, { name: "x".repeat(81) })).rejects.toEqual(refusal("VALIDATION", { name: expect.any(String) }));
    await expect(createProject(world.actors.member, {})).rejects.toEqual(refusal("VALIDATION", { name: expect.any(String) }));
  });
});

describe("work items", () => {
  it("numbers work items per project, even when created at once", async () => {
    const world = await createProjectWorld();
    const [a, b] = await Promise.all([createProject(world.actors.member, { name: "A" }), createProject(world.actors.member, { name: "B" })]);
    const created = await Promise.all(Array.from({ length: 5 }, (_, i) => createWorkItem(world.actors.member, a.id, { title: `Item ${i}` })));
    expect(created.map((item) => item.sequence).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await createWorkItem(world.actors.member, b.id, { title: "First" })).sequence).toBe(1);
    await deleteWorkItem(world.actors.member, created.find((item) => item.sequence === 5)!.id);
    expect((await createWorkItem(world.actors.member, a.id, { title: "Next" })).sequence).toBe(6);
    expect((await listWorkItems(world.actors.viewer, a.id)).map((item) => item.sequence)).toEqual([1, 2, 3, 4, 6]);
  });

  it("creates with defaults, edits only the fields sent, and filters by state", async () => {
    const world = await createProjectWorld();
    const project = await createProject(world.actors.member, { name: "Ops" });
    const item = await createWorkItem(world.actors.member, project.id, { title: "Rotate keys" });
    expect(item).toMatchObject({ title: "Rotate keys", description: "", state: "TODO", assignee: null, projectId: project.id, groupId: world.group.id });

    const moved = await updateWorkItem(world.actors.member, item.id, { state: "in_progress", description: "Quarterly" });
    expect(moved).toMatchObject({ title: "Rotate keys", description: "Quarterly", state: "IN_PROGRESS" });
    expect(moved.updatedAt.getTime()).toBeGreaterThanOrEqual(item.updatedAt.getTime());
    await createWorkItem(world.actors.member, project.id, { title: "Backups", state: "BACKLOG" });
    expect((await listWorkItems(world.actors.member, project.id, { state: "IN_PROGRESS" })).map((i) => i.title)).toEqual(["Rotate keys"]);

    await expect(updateWorkItem(world.actors.member, item.id, { state: "WONTFIX" })).rejects.toEqual(refusal("VALIDATION", { state: expect.any(String) }));
    await expect(updateWorkItem(world.actors.member, item.id, { title: "" })).rejects.toEqual(refusal("VALIDATION", { title: "Give the work item a title" }));
    await expect(createWorkItem(world.actors.member, project.id, { title: "x", assignee: 42 })).rejects.toEqual(refusal("VALIDATION", { assignee: expect.any(String) }));
    expect(await getWorkItem(world.actors.viewer, item.id)).toMatchObject({ state: "IN_PROGRESS" });
  });

  it("records a user token's work as that user's", async () => {
    const world = await createProjectWorld();
    const token = await userToken(world, world.member);
    const project = await createProject(token, { name: "From the app" });
    const item = await createWorkItem(token, project.id, { title: "Synced" });
    expect(project.createdBy).toMatchObject({ type: "user", id: world.member.id });
    expect(item.createdBy).toMatchObject({ type: "user", id: world.member.id });
  });
});

describe("assignees", () => {
  it("assigns members (by object or picker key) and installed mentionable bots, and unassigns with null", async () => {
    const world = await createProjectWorld();
    const { member } = world.actors;
    const project = await createProject(member, { name: "P" });
    const item = await createWorkItem(member, project.id, { title: "T", assignee: { type: "user", id: world.viewer.id } });
    expect(item.assignee).toEqual({ type: "user", id: world.viewer.id, name: world.viewer.name });

    const toBot = await updateWorkItem(member, item.id, { assignee: `bot:${world.botUserId}` });
    expect(toBot.assignee).toMatchObject({ type: "bot", id: world.botUserId });
    const row = await getDb().workItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(row).toMatchObject({ assigneeUserId: null, assigneeBotId: world.botUserId });

    const subjectForm = await updateWorkItem(member, item.id, { assignee: { type: "bot", id: `bot:${world.botUserId}` } });
    expect(subjectForm.assignee).toMatchObject({ type: "bot", id: world.botUserId });
    expect((await updateWorkItem(member, item.id, { assignee: { type: "user", id: world.admin.id } })).assignee).toMatchObject({ id: world.admin.id });
    expect((await updateWorkItem(member, item.id, { assignee: null })).assignee).toBeNull();
    expect((await updateWorkItem(member, item.id, { assignee: "" })).assignee).toBeNull();
  });

  it("refuses assignees outside the group and bots of apps not installed here", async () => {
    const world = await createProjectWorld();
    const other = await createProjectWorld();
    const { member } = world.actors;
    const project = await createProject(member, { name: "P" });
    const outsider = { type: "user", id: world.outsider.id };
    const bad = refusal("VALIDATION", { assignee: expect.any(String) });
    await expect(createWorkItem(member, project.id, { title: "T", assignee: outsider })).rejects.toEqual(bad);
    await expect(createWorkItem(member, project.id, { title: "T", assignee: { type: "user", id: other.member.id } })).rejects.toEqual(bad);
    await expect(createWorkItem(member, project.id, { title: "T", assignee: { type: "bot", id: other.botUserId } })).rejects.toEqual(bad);
    await expect(createWorkItem(member, project.id, { title: "T", assignee: { type: "user", id: world.botUserId } })).rejects.toEqual(bad);
    await expect(createWorkItem(member, project.id, { title: "T", assignee: { type: "bot", id: world.member.id } })).rejects.toEqual(bad);
  });

  it("refuses the bot of a revoked installation or of an app that is not mentionable", async () => {
    const world = await createProjectWorld();
    const quiet = await createProjectWorld({ app: { isMentionable: false } });
    const { member } = world.actors;
    const project = await createProject(member, { name: "P" });
    const bad = refusal("VALIDATION", { assignee: expect.any(String) });
    const quietProject = await createProject(quiet.actors.member, { name: "Q" });
    await expect(createWorkItem(quiet.actors.member, quietProject.id, { title: "T", assignee: { type: "bot", id: quiet.botUserId } })).rejects.toEqual(bad);

    await getDb().installation.update({ where: { id: world.installationId }, data: { status: "REVOKED", liveKey: null } });
    await expect(createWorkItem(member, project.id, { title: "T", assignee: { type: "bot", id: world.botUserId } })).rejects.toEqual(bad);
  });

  it("keeps a former member assigned while other fields change, but refuses assigning them anew", async () => {
    const world = await createProjectWorld();
    const { member } = world.actors;
    const project = await createProject(member, { name: "P" });
    const item = await createWorkItem(member, project.id, { title: "T", assignee: { type: "user", id: world.viewer.id } });
    const other = await createWorkItem(member, project.id, { title: "U" });
    await getDb().membership.delete({ where: { userId_groupId: { userId: world.viewer.id, groupId: world.group.id } } });
    const saved = await updateWorkItem(member, item.id, { title: "T2", assignee: `user:${world.viewer.id}` });
    expect(saved).toMatchObject({ title: "T2", assignee: { id: world.viewer.id } });
    await expect(updateWorkItem(member, other.id, { assignee: `user:${world.viewer.id}` })).rejects.toEqual(refusal("VALIDATION", { assignee: expect.any(String) }));
  });
});

describe("comments", () => {
  it("adds comments in order, by users and bots, and validates the body", async () => {
    const world = await createProjectWorld();
    const project = await createProject(world.actors.member, { name: "P" });
    const item = await createWorkItem(world.actors.member, project.id, { title: "T" });
    await addComment(world.actors.admin, item.id, { body: " First " });
    await addComment(world.actors.member, item.id, { body: "Second" });
    const comments = await listComments(world.actors.viewer, item.id);
    expect(comments.map((c) => [c.body, c.author?.id])).toEqual([["First", world.admin.id], ["Second", world.member.id]]);
    await expect(addComment(world.actors.member, item.id, { body: "  " })).rejects.toEqual(refusal("VALIDATION", { body: expect.any(String) }));
    await expect(listComments(world.actors.member, "missing")).rejects.toEqual(refusal("NOT_FOUND"));
  });
});
