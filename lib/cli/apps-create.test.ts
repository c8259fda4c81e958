import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { DEFAULT_APP_SCOPES } from "@/lib/apps/scopes";
import { createPlatformGroupWithAdmin } from "@/lib/testing/app-factories";
import { createGroupWithMembers, createOrganization, createGroup, uniqueSuffix } from "@/lib/testing/factories";
import { captureCli } from "./capture-cli";

// The minimal valid `apps create` command line for a group, plus extra flags.
const createArgs = (group: string, ...extra: string[]) => [
  "apps", "create", "--group", group, "--name", `CLI App ${uniqueSuffix()}`,
  "--redirect-uri", "https://app.example.com/callback", "--contact-email", "dev@example.com", ...extra,
];

const countApps = (ownerGroupId: string) => getDb().app.count({ where: { ownerGroupId } });
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("apps create", () => {
  it("round-trips --json with apps show --json and stores only the secret's SHA-256", async () => {
    const { organization, group } = await createGroupWithMembers();
    const created = await captureCli([
      ...createArgs(`${organization.slug}/${group.slug}`, "--json"),
      "--description", "Tracks hours", "--homepage-url", "https://app.example.com",
      "--redirect-uri", "http://localhost:3000/cb", "--scope", "email", "--scope", "projects:write",
      "--availability", "organization", "--publisher-name", "Acme Tools", "--mentionable",
    ]);
    expect(created.code, created.stderr).toBe(0);
    const app = created.json();
    const secret = app.client_secret as string;
    expect(secret).toMatch(/^tsk_/);
    expect(app).toMatchObject({
      client_type: "confidential", availability: "organization", group: group.slug, organization: organization.slug,
      description: "Tracks hours", homepage_url: "https://app.example.com", logo_url: null, publisher_name: "Acme Tools",
      redirect_uris: ["https://app.example.com/callback", "http://localhost:3000/cb"],
      scopes: ["openid", "email", "projects:write"], is_mentionable: true, contact_email: "dev@example.com",
    });

    const shown = await captureCli(["apps", "show", app.client_id as string, "--json"]);
    expect(shown.code, shown.stderr).toBe(0);
    const { secrets, ...settings } = shown.json<Record<string, unknown> & { secrets: Record<string, unknown>[] }>();
    const { client_secret: _printedOnce, webhook_secret: _noWebhook, ...createdSettings } = app;
    expect(settings).toEqual(createdSettings);
    expect(secrets).toEqual([expect.objectContaining({ hint: secret.slice(-4), live: true, revoked_at: null, expires_at: null })]);
    expect(shown.stdout).not.toContain(secret);

    const rows = await getDb().appSecret.findMany({ where: { app: { clientId: app.client_id as string } } });
    expect(rows).toHaveLength(1);
    expect(rows[0].hash).toBe(sha256(secret));
    expect(rows[0].hash).not.toContain(secret.slice(4));
    expect(shown.stdout).not.toContain(rows[0].hash);
  });

  it("prints the secret once with a warning, and gives a public app none", async () => {
    const { group } = await createGroupWithMembers();
    const confidential = await captureCli(createArgs(group.slug));
    expect(confidential.code, confidential.stderr).toBe(0);
    expect(confidential.stdout).toMatch(/Client secret: tsk_\S+/);
    expect(confidential.stdout).toContain("will not be shown again");

    const pub = await captureCli(createArgs(group.slug, "--client-type", "public", "--json"));
    expect(pub.code, pub.stderr).toBe(0);
    // Defaults: the catalog's default scopes and Group availability.
    expect(pub.json()).toMatchObject({ client_type: "public", client_secret: null, scopes: DEFAULT_APP_SCOPES, availability: "group" });
    const shown = await captureCli(["apps", "show", pub.json().client_id as string, "--json"]);
    expect(shown.json().secrets).toEqual([]);
  });

  it.each([
    ["http on a public host", "http://app.example.com/cb", "Use https://"],
    ["a wildcard", "https://*.example.com/cb", "Wildcards are not allowed"],
    ["a fragment", "https://app.example.com/cb#done", "cannot contain a fragment"],
  ])("refuses a redirect URI with %s (exit 2) and writes nothing", async (_case, uri, message) => {
    const { group } = await createGroupWithMembers();
    const before = await countApps(group.id);
    const args = ["apps", "create", "--group", group.slug, "--name", "Bad", "--contact-email", "dev@example.com"];
    const result = await captureCli([...args, "--redirect-uri", "https://ok.example.com/cb", "--redirect-uri", uri, "--json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^  redirectUris\\.1\\.uri: .*${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"));
    expect(result.json()).toMatchObject({ error: "VALIDATION", fields: { "redirectUris.1.uri": expect.stringContaining(message) } });
    expect(await countApps(group.id)).toBe(before);
  });

  it("applies the --as user's role: a member is refused, an admin registers", async () => {
    const { group, admin, member } = await createGroupWithMembers();
    const refused = await captureCli(createArgs(group.slug, "--as", member.email));
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("Only this group's admins");
    expect(await countApps(group.id)).toBe(0);

    const done = await captureCli(createArgs(group.slug, "--as", admin.email.toUpperCase(), "--json"));
    expect(done.code, done.stderr).toBe(0);
    const row = await getDb().app.findUniqueOrThrow({ where: { clientId: done.json().client_id as string } });
    expect(row.createdById).toBe(admin.id);
  });

  it("refuses an unknown --as email and a group of another organization (exit 3)", async () => {
    const { group } = await createGroupWithMembers();
    const otherOrg = await createOrganization();
    expect((await captureCli(createArgs(group.slug, "--as", "nobody@example.test"))).code).toBe(3);

    const mismatch = await captureCli(createArgs(`${otherOrg.slug}/${group.slug}`, "--json"));
    expect(mismatch.code).toBe(3);
    expect(mismatch.json()).toMatchObject({ error: "NOT_FOUND", message: "Group not found" });
    expect(await countApps(group.id)).toBe(0);
  });

  it("refuses Global availability for a group outside the platform organization", async () => {
    const organization = await createOrganization();
    const group = await createGroup(organization.id);
    const refused = await captureCli(createArgs(group.slug, "--availability", "global", "--json"));
    expect(refused.code).toBe(2);
    expect(refused.json()).toMatchObject({ error: "VALIDATION", fields: { availability: expect.stringContaining("platform organization") } });
    expect(await countApps(group.id)).toBe(0);

    const platform = await createPlatformGroupWithAdmin();
    const published = await captureCli(createArgs(platform.group.slug, "--availability", "global", "--as", platform.platformAdmin.email, "--json"));
    expect(published.code, published.stderr).toBe(0);
    expect(published.json()).toMatchObject({ availability: "global" });
  });
});
