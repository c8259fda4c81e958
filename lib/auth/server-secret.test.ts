import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { uniqueSuffix } from "@/lib/testing/factories";
import { getServerSecret } from "./server-secret";

describe("server-generated secrets", () => {
  it("are made once, kept in the database and returned again", async () => {
    const name = `test-${uniqueSuffix()}`;
    const [first, second] = await Promise.all([getServerSecret(name), getServerSecret(name)]);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).toBe(first);
    const row = await getDb().serverSecret.findUnique({ where: { name } });
    expect(row?.value).toBe(first);
  });

  it("prefer the environment variable when an operator sets one", async () => {
    process.env.TEST_SECRET_OVERRIDE = "from-the-environment";
    await expect(getServerSecret(`test-${uniqueSuffix()}`, "TEST_SECRET_OVERRIDE")).resolves.toBe("from-the-environment");
    delete process.env.TEST_SECRET_OVERRIDE;
  });
});
