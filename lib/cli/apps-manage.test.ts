import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createGroupWithMembers } from "@/lib/testing/factories";
import { captureCli } from "./capture-cli";

async function groupWithApp(name: string) {
  const seeded = await createGroupWithMembers();
  const created = await captureCli([
    "apps", "create", "--group", seeded.group.slug, "--name", name, "--contact-email", "dev@example.com",
    "--redirect-uri", "https://app.example.com/cb", "--json",
  ]);
  expect(created.code, created.stderr).toBe(0);
  return { ...seeded, clientId: created.json().client_id as string };
}

describe("apps list", () => {
  it("lists a group's apps as a table or JSON, for its members", async () => {
    const { group, organization, clientId, viewer, outsider } = await groupWithApp("Listed App");
    const table = await captureCli(["apps", "list", "--group", group.slug]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^CLIENT_ID\s+NAME\s+TYPE\s+AVAILABILITY\s+STATUS$/);
    expect(table.stdout).toMatch(new RegExp(`^${clientId}\\s+Listed App\\s+Confidential\\s+Group\\s+Active$`, "m"));

    const json = await captureCli(["apps", "list", "--group", `${organization.slug}/${group.slug}`, "--as", viewer.email, "--json"]);
    expect(json.code, json.stderr).toBe(0);
    expect(json.json<unknown[]>()).toEqual([expect.objectContaining({ client_id: clientId, name: "Listed App", group: group.slug })]);

    expect((await captureCli(["apps", "list", "--group", group.slug, "--as", outsider.email])).code).toBe(3);
  });
});

describe("apps show", () => {
  it("shows settings and secret hints, never a hash, and hides the app from outsiders", async () => {
    const { clientId, outsider, member } = await groupWithApp("Shown App");
    const shown = await captureCli(["apps", "show", clientId]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/Redirect URIs:\s+https:\/\/app\.example\.com\/cb/);
    expect(shown.stdout).toMatch(/Secrets \(1 live\):/);
    const [secret] = await getDb().appSecret.findMany({ where: { app: { clientId } } });
    expect(shown.stdout).toContain(`...${secret.hint}`);
    expect(shown.stdout).not.toContain(secret.hash);

    expect((await captureCli(["apps", "show", clientId, "--as", outsider.email])).code).toBe(3);
    expect((await captureCli(["apps", "show", clientId, "--as", member.email])).code).toBe(3);
  });
});

describe("apps delete", () => {
  it("refuses a wrong --confirm (exit 2) and deletes with the exact name", async () => {
    const { clientId } = await groupWithApp("Doomed App");
    const wrong = await captureCli(["apps", "delete", clientId, "--confirm", "doomed app", "--json"]);
    expect(wrong.code).toBe(2);
    expect(wrong.json()).toMatchObject({ error: "VALIDATION", fields: { confirmName: expect.any(String) } });
    expect(wrong.stderr).toMatch(/^  confirmName: /m);
    expect(await getDb().app.count({ where: { clientId } })).toBe(1);

    const done = await captureCli(["apps", "delete", clientId, "--confirm", "Doomed App"]);
    expect(done.code, done.stderr).toBe(0);
    expect(await getDb().app.count({ where: { clientId } })).toBe(0);
    expect(await getDb().appSecret.count({ where: { app: { clientId } } })).toBe(0);

    expect((await captureCli(["apps", "delete", clientId, "--confirm", "Doomed App"])).code).toBe(3);
  });

  it("requires --confirm and refuses a member", async () => {
    const { clientId, member } = await groupWithApp("Kept App");
    const missing = await captureCli(["apps", "delete", clientId]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Missing --confirm");
    expect((await captureCli(["apps", "delete", clientId, "--confirm", "Kept App", "--as", member.email])).code).toBe(3);
    expect(await getDb().app.count({ where: { clientId } })).toBe(1);
  });
});
