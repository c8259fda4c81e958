import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { getGroupForMember } from "@/lib/groups/queries";
import { DEMO_PASSWORD } from "./demo-data";
import { seedDemo } from "./seed-demo";

describe("demo seed", () => {
  it("creates the demo organizations, groups and users, and is idempotent", async () => {
    const db = getDb();
    await seedDemo();
    const counts = async () => [await db.organization.count(), await db.group.count(), await db.user.count(), await db.membership.count(), await db.app.count()];
    const before = await counts();
    await seedDemo();
    expect(await counts()).toEqual(before);

    const bob = await db.user.findUniqueOrThrow({ where: { email: "bob@acme.test" } });
    expect(await verifyPassword(DEMO_PASSWORD, bob.passwordHash)).toBe(true);
    await expect(getGroupForMember(bob.id, "engineering")).resolves.toMatchObject({ role: "MEMBER", organization: { slug: "acme" } });
    await expect(getGroupForMember(bob.id, "marketing")).resolves.toMatchObject({ role: "ADMIN" });
    await expect(getGroupForMember(bob.id, "globex-ops")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const root = await db.user.findUniqueOrThrow({ where: { email: "root@tessera.test" } });
    expect(root.isPlatformAdmin).toBe(true);
    const platform = await db.organization.findUniqueOrThrow({ where: { slug: "platform" } });
    expect(platform.isPlatform).toBe(true);

    const apps = await db.app.findMany({ where: { name: { in: ["Claude", "Postman", "Acme Timesheets", "Deploy Bot"] } }, include: { ownerGroup: true, secrets: true } });
    const byName = Object.fromEntries(apps.map((app) => [app.name, app]));
    expect(byName.Claude).toMatchObject({ availability: "GLOBAL", clientType: "PUBLIC", ownerGroup: { slug: "platform" } });
    expect(byName.Claude.redirectUris).toEqual(["https://claude.ai/api/mcp/auth_callback", "https://claude.com/api/mcp/auth_callback"]);
    expect(byName.Claude.secrets).toHaveLength(0);
    expect(byName.Postman).toMatchObject({ availability: "GLOBAL", clientType: "CONFIDENTIAL", redirectUris: ["https://oauth.pstmn.io/v1/callback"] });
    expect(byName.Postman.secrets).toHaveLength(1);
    expect(byName["Acme Timesheets"]).toMatchObject({ availability: "ORGANIZATION", ownerGroup: { slug: "engineering" } });
    expect(byName["Deploy Bot"]).toMatchObject({ availability: "GROUP", isMentionable: true, ownerGroup: { slug: "engineering" } });
  });
});
