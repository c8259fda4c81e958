import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { systemActor } from "@/lib/auth/actor";
import { createTestApp } from "@/lib/testing/app-factories";
import { createGroup, createGroupWithMembers, createOrganization } from "@/lib/testing/factories";
import { captureCli } from "./capture-cli";

type Installed = { installation_id: string; client_id: string; app_name: string; scopes: string[]; bot_id: string; bot_name: string; installed_by: string; installed_at: string; last_used_at: string | null };

// A group with a user of each role and a Group app registered in it.
async function groupWithApp(overrides: Parameters<typeof createTestApp>[2] = {}) {
  const seeded = await createGroupWithMembers();
  const { app } = await createTestApp(systemActor("test"), seeded.group.slug, {
    scopes: ["openid", "profile", "email", "projects:read"],
    setupUrl: "https://app.example.com/setup",
    ...overrides,
  });
  return { ...seeded, app };
}

const countInstallations = (groupId: string) => getDb().installation.count({ where: { groupId } });
const list = async (group: string, ...extra: string[]) => {
  const result = await captureCli(["consent", "list", "--group", group, "--json", ...extra]);
  expect(result.code, result.stderr).toBe(0);
  return result.json<Installed[]>();
};

describe("consent add / list / remove", () => {
  it("installs, lists, is idempotent, removes", async () => {
    const { organization, group, admin, viewer, app } = await groupWithApp();
    const added = await captureCli([
      "consent", "add", "--group", `${organization.slug}/${group.slug}`, "--app", app.clientId,
      "--scope", "email", "--scope", "profile", "--as", admin.email, "--json",
    ]);
    expect(added.code, added.stderr).toBe(0);
    const result = added.json<{ installation_id: string }>();
    expect(result).toEqual({
      installation_id: expect.any(String), created: true, group: group.slug, app: app.clientId, setup_url: "https://app.example.com/setup",
    });

    // Any member may list; openid is always included, in catalog order.
    const [row, ...others] = await list(group.slug, "--as", viewer.email);
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      installation_id: result.installation_id, client_id: app.clientId, app_name: app.name,
      scopes: ["openid", "profile", "email"], bot_name: `${app.name} (bot)`, installed_by: admin.name, last_used_at: null,
    });
    expect(row.bot_id).toEqual(expect.any(String));
    expect(Date.parse(row.installed_at)).not.toBeNaN();

    const table = await captureCli(["consent", "list", "--group", group.slug]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^INSTALLATION_ID\s+APP\s+CLIENT_ID\s+SCOPES\s+BOT\s+INSTALLED_BY\s+INSTALLED_AT$/);
    expect(table.stdout).toContain(`${result.installation_id}  ${app.name}  ${app.clientId}  openid,profile,email`);

    const again = await captureCli(["consent", "add", "--group", group.slug, "--app", app.clientId]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(
      `${app.name} is already installed in ${group.slug}: installation ${result.installation_id}\nContinue setup at https://app.example.com/setup`,
    );
    const againJson = await captureCli(["consent", "add", "--group", group.slug, "--app", app.clientId, "--json"]);
    expect(againJson.json()).toMatchObject({ installation_id: result.installation_id, created: false });
    expect(await countInstallations(group.id)).toBe(1);

    const removed = await captureCli(["consent", "remove", "--group", group.slug, result.installation_id, "--json"]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.json()).toEqual({ installation_id: result.installation_id, group: group.slug, removed: true });
    expect(await list(group.slug)).toEqual([]);
    expect((await captureCli(["consent", "list", "--group", group.slug])).stdout).toBe(`No apps installed in ${group.slug}.`);

    // Installing again after removal makes a new installation.
    const reinstalled = await captureCli(["consent", "add", "--group", group.slug, "--app", app.clientId]);
    expect(reinstalled.code, reinstalled.stderr).toBe(0);
    expect(reinstalled.stdout).toMatch(new RegExp(`^Installed ${app.name} in ${group.slug}: installation \\S+$`, "m"));
    expect(reinstalled.stdout).not.toContain(result.installation_id);
  });

  it("refuses scopes beyond the app's (exit 2) and installs nothing", async () => {
    const { group, app } = await groupWithApp();
    const refused = await captureCli(["consent", "add", "--group", group.slug, "--app", app.clientId, "--scope", "projects:write", "--json"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^  scopes: Permissions can't exceed what the app may request \(projects:write/m);
    expect(refused.json()).toMatchObject({ error: "VALIDATION", fields: { scopes: expect.stringContaining("projects:write") } });
    expect(await countInstallations(group.id)).toBe(0);
    expect(await getDb().botUser.count({ where: { groupId: group.id } })).toBe(0);
  });

  it("warns when adding again with other scopes: the installation keeps its own", async () => {
    const { group, app } = await groupWithApp();
    expect((await captureCli(["consent", "add", "--group", group.slug, "--app", app.clientId, "--scope", "email"])).code).toBe(0);
    const again = await captureCli(["consent", "add", "--group", group.slug, "--app", app.clientId, "--scope", "profile", "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json()).toMatchObject({ created: false });
    expect(again.stderr).toContain("keeps its scopes (openid email)");
    expect((await list(group.slug))[0].scopes).toEqual(["openid", "email"]);
  });

  it("hides a Group app from another group (exit 3)", async () => {
    const { organization, app } = await groupWithApp();
    const sibling = await createGroup(organization.id);
    const refused = await captureCli(["consent", "add", "--group", sibling.slug, "--app", app.clientId, "--json"]);
    expect(refused.code).toBe(3);
    expect(refused.json()).toMatchObject({ error: "NOT_FOUND", message: "App not found" });
    expect(await countInstallations(sibling.id)).toBe(0);
  });

  it("installs an Organization app in its organization's groups only", async () => {
    const { organization, app } = await groupWithApp({ availability: "ORGANIZATION", setupUrl: "" });
    const sibling = await createGroup(organization.id);
    const added = await captureCli(["consent", "add", "--group", sibling.slug, "--app", app.clientId]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(new RegExp(`^Installed ${app.name} in ${sibling.slug}: installation \\S+$`));

    const outside = await createGroup((await createOrganization()).id);
    expect((await captureCli(["consent", "add", "--group", outside.slug, "--app", app.clientId])).code).toBe(3);
    expect(await countInstallations(outside.id)).toBe(0);
  });

  it("refuses a member (exit 3) and an unknown installation (exit 3)", async () => {
    const { group, member, app } = await groupWithApp();
    const refused = await captureCli(["consent", "add", "--group", group.slug, "--app", app.clientId, "--as", member.email]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("Only this group's admins");
    expect(await countInstallations(group.id)).toBe(0);

    const unknown = await captureCli(["consent", "remove", "--group", group.slug, "no-such-installation", "--json"]);
    expect(unknown.code).toBe(3);
    expect(unknown.json()).toMatchObject({ error: "NOT_FOUND", message: "Installation not found" });
  });

  it("refuses a member's remove and keeps the installation", async () => {
    const { group, member, app } = await groupWithApp();
    const added = await captureCli(["consent", "add", "--group", group.slug, "--app", app.clientId, "--json"]);
    const id = added.json().installation_id as string;
    expect((await captureCli(["consent", "remove", "--group", group.slug, id, "--as", member.email])).code).toBe(3);
    expect(await list(group.slug)).toEqual([expect.objectContaining({ installation_id: id })]);
  });

  it("requires --app and the installation id (exit 2)", async () => {
    const { group } = await groupWithApp();
    expect((await captureCli(["consent", "add", "--group", group.slug])).stderr).toContain("Missing --app");
    const missing = await captureCli(["consent", "remove", "--group", group.slug]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Missing <installation_id>");
  });
});
