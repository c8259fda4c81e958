import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TokenFacts } from "@/lib/api/principal";
import { userActor } from "@/lib/auth/actor";
import { removeConsent } from "@/lib/consent/mutations";
import { getDb } from "@/lib/db";
import { botTokenFacts, createProjectWorld, userTokenFacts, type ProjectWorld } from "./test-world";

// The API routes end to end, below the token layer: a bearer token here is a
// random string standing for the facts the authorization server would find.
const issued = new Map<string, TokenFacts>();
vi.mock("@/lib/oidc/tokens", () => ({ findAccessTokenFacts: async (token: string) => issued.get(token) ?? null }));

const me = await import("@/app/api/v1/me/route");
const group = await import("@/app/api/v1/group/route");
const projects = await import("@/app/api/v1/projects/route");
const project = await import("@/app/api/v1/projects/[projectId]/route");
const workItems = await import("@/app/api/v1/projects/[projectId]/work-items/route");
const workItem = await import("@/app/api/v1/work-items/[workItemId]/route");
const comments = await import("@/app/api/v1/work-items/[workItemId]/comments/route");
const metadata = await import("@/app/.well-known/oauth-protected-resource/route");

const BASE = "http://localhost:3999/api/v1";

function issue(facts: TokenFacts): string {
  const token = randomUUID();
  issued.set(token, facts);
  return token;
}

function call(path: string, token?: string, init: { method?: string; body?: unknown; raw?: string } = {}) {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return new Request(`${BASE}${path}`, { method: init.method ?? (body !== undefined ? "POST" : "GET"), headers, body });
}

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

let world: ProjectWorld;
let memberToken: string;
beforeEach(async () => {
  world = await createProjectWorld();
  memberToken = issue(await userTokenFacts(world, world.member));
});

describe("authentication", () => {
  it("asks for a bearer token with an RFC 6750 challenge", async () => {
    const none = await projects.GET(call("/projects"));
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toMatch(/^Bearer realm="tessera".*resource_metadata="http:\/\/localhost:3999\/.well-known\/oauth-protected-resource"/);
    expect(none.headers.get("WWW-Authenticate")).not.toContain("error=");

    const unknown = await projects.GET(call("/projects", "not-a-token"));
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("WWW-Authenticate")).toContain('error="invalid_token"');
    expect(await unknown.json()).toMatchObject({ error: "invalid_token" });

    const query = await projects.GET(new Request(`${BASE}/projects?access_token=${memberToken}`));
    expect(query.status).toBe(401);
  });

  it("answers insufficient_scope with the scope needed", async () => {
    const token = issue(await userTokenFacts(world, world.member, ["openid", "projects:read"]));
    const response = await group.GET(call("/group", token));
    expect(response.status).toBe(403);
    expect(response.headers.get("WWW-Authenticate")).toMatch(/error="insufficient_scope".*scope="group:read"/);
    expect(await response.json()).toMatchObject({ error: "insufficient_scope" });
  });

  it("stops a token on the next call once the consent is removed", async () => {
    expect((await projects.GET(call("/projects", memberToken))).status).toBe(200);
    await removeConsent(userActor(world.admin), world.group.slug, world.installationId);
    const response = await projects.GET(call("/projects", memberToken));
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toContain('error="invalid_token"');
  });
});

describe("who and where", () => {
  it("describes a user with their profile and email scopes only", async () => {
    const full = await (await me.GET(call("/me", memberToken))).json();
    expect(full).toMatchObject({ id: world.member.id, type: "user", name: world.member.name, email: world.member.email, group_id: world.group.id });
    expect(full.scopes).toContain("work_items:write");
    const bare = await (await me.GET(call("/me", issue(await userTokenFacts(world, world.viewer, ["openid", "projects:write"]))))).json();
    expect(bare).toEqual({ id: world.viewer.id, type: "user", group_id: world.group.id, scopes: ["openid"] });
  });

  it("describes a bot as bot:<id>", async () => {
    const bot = await (await me.GET(call("/me", issue(botTokenFacts(world))))).json();
    expect(bot).toMatchObject({ id: `bot:${world.botUserId}`, type: "bot", name: `${world.app.name} (bot)`, group_id: world.group.id, installation_id: world.installationId });
  });

  it("describes the group with its members and assignable bots", async () => {
    const body = await (await group.GET(call("/group", memberToken))).json();
    expect(body).toMatchObject({ id: world.group.id, slug: world.group.slug, name: world.group.name, organization: { slug: world.organization.slug, name: world.organization.name } });
    expect(body.members).toHaveLength(3);
    expect(body.members).toContainEqual({ type: "user", id: world.viewer.id, name: world.viewer.name, role: "viewer" });
    expect(JSON.stringify(body.members)).not.toContain("@");
    expect(body.bots).toEqual([{ type: "bot", id: world.botUserId, name: `${world.app.name} (bot)` }]);
  });
});

describe("projects and work items over the API", () => {
  it("creates, reads, edits, comments on and deletes, in snake_case", async () => {
    const created = await projects.POST(call("/projects", memberToken, { body: { name: "Roadmap", description: "Q3" } }));
    expect(created.status).toBe(201);
    const p = await created.json();
    expect(created.headers.get("Location")).toBe(`${BASE}/projects/${p.id}`);
    expect(p).toMatchObject({ name: "Roadmap", description: "Q3", group_id: world.group.id, created_by: { type: "user", id: world.member.id } });
    expect(p.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);

    const botToken = issue(botTokenFacts(world));
    const itemResponse = await workItems.POST(
      call(`/projects/${p.id}/work-items`, botToken, { body: { title: "Draft", state: "in_progress", assignee: { type: "user", id: world.viewer.id } } }),
      params({ projectId: p.id }),
    );
    expect(itemResponse.status).toBe(201);
    const item = await itemResponse.json();
    expect(item).toMatchObject({ project_id: p.id, sequence: 1, title: "Draft", state: "in_progress", assignee: { type: "user", id: world.viewer.id, name: world.viewer.name }, created_by: { type: "bot", id: world.botUserId } });

    const patched = await (await workItem.PATCH(call(`/work-items/${item.id}`, memberToken, { method: "PATCH", body: { state: "DONE", assignee: null } }), params({ workItemId: item.id }))).json();
    expect(patched).toMatchObject({ state: "done", assignee: null, title: "Draft" });
    const listed = await (await workItems.GET(call(`/projects/${p.id}/work-items?state=done`, memberToken), params({ projectId: p.id }))).json();
    expect(listed.data.map((i: { id: string }) => i.id)).toEqual([item.id]);
    const badFilter = await workItems.GET(call(`/projects/${p.id}/work-items?state=nope`, memberToken), params({ projectId: p.id }));
    expect(badFilter.status).toBe(400);

    const comment = await comments.POST(call(`/work-items/${item.id}/comments`, botToken, { body: { body: "Done!" } }), params({ workItemId: item.id }));
    expect(comment.status).toBe(201);
    const thread = await (await comments.GET(call(`/work-items/${item.id}/comments`, memberToken), params({ workItemId: item.id }))).json();
    expect(thread.data).toEqual([expect.objectContaining({ body: "Done!", work_item_id: item.id, author: expect.objectContaining({ type: "bot", id: world.botUserId }) })]);

    const renamed = await (await project.PATCH(call(`/projects/${p.id}`, memberToken, { method: "PATCH", body: { name: "Roadmap 2" } }), params({ projectId: p.id }))).json();
    expect(renamed.name).toBe("Roadmap 2");
    const list = await (await projects.GET(call("/projects", memberToken))).json();
    expect(list.data).toEqual([expect.objectContaining({ id: p.id, work_item_count: 1, open_work_item_count: 0 })]);

    const deleted = await workItem.DELETE(call(`/work-items/${item.id}`, memberToken, { method: "DELETE" }), params({ workItemId: item.id }));
    expect(deleted.status).toBe(204);
    expect((await workItem.GET(call(`/work-items/${item.id}`, memberToken), params({ workItemId: item.id }))).status).toBe(404);
    expect((await project.DELETE(call(`/projects/${p.id}`, memberToken, { method: "DELETE" }), params({ projectId: p.id }))).status).toBe(204);
    const gone = await project.GET(call(`/projects/${p.id}`, memberToken), params({ projectId: p.id }));
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: "not_found" });
  });

  it("refuses malformed JSON, invalid fields, and a viewer's writes", async () => {
    const malformed = await projects.POST(call("/projects", memberToken, { raw: "{name:" }));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: "invalid_request" });
    expect((await projects.POST(call("/projects", memberToken, { raw: "[]" }))).status).toBe(400);

    const invalid = await projects.POST(call("/projects", memberToken, { body: { name: "" } }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: "validation", fields: { name: "Give the project a name" } });

    const viewerToken = issue(await userTokenFacts(world, world.viewer));
    const refused = await projects.POST(call("/projects", viewerToken, { body: { name: "Mine" } }));
    expect(refused.status).toBe(403);
    expect(refused.headers.get("WWW-Authenticate")).toContain('scope="projects:write"');
    expect((await projects.GET(call("/projects", viewerToken))).status).toBe(200);
  });

  it("takes @mention tokens in comments, answers who they name, and assigns the bot", async () => {
    const p = await (await projects.POST(call("/projects", memberToken, { body: { name: "Agents" } }))).json();
    const item = await (
      await workItems.POST(call(`/projects/${p.id}/work-items`, memberToken, { body: { title: "Triage", assignee: { type: "bot", id: `bot:${world.botUserId}` } } }), params({ projectId: p.id }))
    ).json();
    const botName = (await getDb().botUser.findUniqueOrThrow({ where: { id: world.botUserId } })).displayName;
    expect(item.assignee).toEqual({ type: "bot", id: world.botUserId, name: botName });

    const body = `@[Bot](bot:${world.botUserId}) and @[Ada](user:${world.admin.id}), not @[Eve](user:${world.outsider.id})`;
    const response = await comments.POST(call(`/work-items/${item.id}/comments`, memberToken, { body: { body } }), params({ workItemId: item.id }));
    expect(response.status).toBe(201);
    const comment = await response.json();
    expect(comment.body).toBe(`@[${botName}](bot:${world.botUserId}) and @[${world.admin.name}](user:${world.admin.id}), not @Eve`);
    expect(comment.mentions).toEqual([
      { type: "bot", id: world.botUserId, name: botName },
      { type: "user", id: world.admin.id, name: world.admin.name },
    ]);
    const thread = await (await comments.GET(call(`/work-items/${item.id}/comments`, memberToken), params({ workItemId: item.id }))).json();
    expect(thread.data[0].mentions).toEqual(comment.mentions);
    const events = await getDb().auditEvent.findMany({ where: { groupId: world.group.id, targetId: world.installationId, action: { in: ["app.assigned", "app.mentioned"] } } });
    expect(events.map((e) => e.action).sort()).toEqual(["app.assigned", "app.mentioned"]);
  });

  it("hides another group's projects", async () => {
    const other = await createProjectWorld();
    const otherToken = issue(await userTokenFacts(other, other.admin));
    const p = await (await projects.POST(call("/projects", memberToken, { body: { name: "Private" } }))).json();
    const response = await project.GET(call(`/projects/${p.id}`, otherToken), params({ projectId: p.id }));
    expect(response.status).toBe(404);
    expect((await (await projects.GET(call("/projects", otherToken))).json()).data).toEqual([]);
  });
});

describe("protected resource metadata", () => {
  it("names the API, its authorization server and header-only bearer tokens", async () => {
    const body = await metadata.GET().json();
    expect(body).toMatchObject({
      resource: "http://localhost:3999/api/v1",
      authorization_servers: ["http://localhost:3999/oidc"],
      bearer_methods_supported: ["header"],
      resource_name: "Tessera API",
    });
    expect(body.scopes_supported).toEqual(expect.arrayContaining(["projects:read", "work_items:write", "group:read"]));
  });
});
