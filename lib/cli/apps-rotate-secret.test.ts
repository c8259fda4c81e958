import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createGroupWithMembers } from "@/lib/testing/factories";
import { captureCli } from "./capture-cli";

type Rotated = { client_id: string; client_secret: string; secret_id: string; hint: string; expires_at: string | null; revoked: string[] };

// A confidential app registered through the CLI, with its first secret's id.
async function registeredApp(...extra: string[]) {
  const seeded = await createGroupWithMembers();
  const created = await captureCli([
    "apps", "create", "--group", seeded.group.slug, "--name", "Rotator", "--contact-email", "dev@example.com",
    "--redirect-uri", "https://app.example.com/cb", "--json", ...extra,
  ]);
  expect(created.code, created.stderr).toBe(0);
  const clientId = created.json().client_id as string;
  const first = await getDb().appSecret.findFirst({ where: { app: { clientId } } });
  return { ...seeded, clientId, firstId: first?.id ?? "" };
}

const liveSecretIds = (clientId: string) =>
  getDb()
    .appSecret.findMany({ where: { app: { clientId }, revokedAt: null } })
    .then((rows) => rows.map((row) => row.id).sort());

const rotate = (clientId: string, ...extra: string[]) => captureCli(["apps", "rotate-secret", clientId, "--json", ...extra]);

describe("apps rotate-secret", () => {
  it("adds a second live secret, refuses a third (exit 4), and --revoke-old then leaves only the new one", async () => {
    const { clientId, firstId } = await registeredApp();
    const second = await rotate(clientId, "--expires-in", "30");
    expect(second.code, second.stderr).toBe(0);
    const added = second.json<Rotated>();
    expect(added).toMatchObject({ client_id: clientId, hint: added.client_secret.slice(-4), revoked: [] });
    expect(new Date(added.expires_at!).getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    const row = await getDb().appSecret.findUniqueOrThrow({ where: { id: added.secret_id } });
    expect(row.hash).toBe(createHash("sha256").update(added.client_secret).digest("hex"));
    expect(await liveSecretIds(clientId)).toEqual([firstId, added.secret_id].sort());

    const third = await rotate(clientId);
    expect(third.code).toBe(4);
    expect(third.json()).toMatchObject({ error: "CONFLICT" });
    expect(third.stderr).toContain("at most 2 live secrets");
    expect(await liveSecretIds(clientId)).toEqual([firstId, added.secret_id].sort());

    const rolled = await rotate(clientId, "--revoke-old");
    expect(rolled.code, rolled.stderr).toBe(0);
    const fresh = rolled.json<Rotated>();
    expect(fresh.revoked.sort()).toEqual([firstId, added.secret_id].sort());
    expect(fresh.expires_at).toBeNull();
    expect(await liveSecretIds(clientId)).toEqual([fresh.secret_id]);
  });

  it("with one live secret, --revoke-old generates first and then revokes the old one", async () => {
    const { clientId, firstId } = await registeredApp();
    const result = await captureCli(["apps", "rotate-secret", clientId, "--revoke-old"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^  tsk_\S+$/m);
    expect(result.stdout).toContain("will not be shown again");
    expect(result.stdout).toContain(`Revoked 1 older secret: ${firstId}`);
    expect(await liveSecretIds(clientId)).toHaveLength(1);
    expect(await liveSecretIds(clientId)).not.toContain(firstId);
  });

  it("refuses a bad --expires-in before revoking anything", async () => {
    const { clientId, firstId } = await registeredApp();
    const result = await rotate(clientId, "--expires-in", "7", "--revoke-old");
    expect(result.code).toBe(2);
    expect(result.json()).toMatchObject({ error: "VALIDATION", fields: { expiresIn: expect.any(String) } });
    expect(await liveSecretIds(clientId)).toEqual([firstId]);
  });

  it("refuses a public app (exit 4) and an admin-only action for a member (exit 3)", async () => {
    const pub = await registeredApp("--client-type", "public");
    expect((await rotate(pub.clientId)).code).toBe(4);

    const { clientId, member, firstId } = await registeredApp();
    const refused = await rotate(clientId, "--as", member.email, "--revoke-old");
    expect(refused.code).toBe(3);
    expect(refused.json()).toMatchObject({ error: "FORBIDDEN" });
    expect(await liveSecretIds(clientId)).toEqual([firstId]);
  });
});
