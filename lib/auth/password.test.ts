import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores a salted scrypt hash, never the password", async () => {
    const first = await hashPassword("tessera-demo");
    const second = await hashPassword("tessera-demo");
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(first).not.toContain("tessera-demo");
    expect(first).not.toEqual(second);
  });

  it("verifies the right password and refuses others", async () => {
    const stored = await hashPassword("tessera-demo");
    await expect(verifyPassword("tessera-demo", stored)).resolves.toBe(true);
    await expect(verifyPassword("tessera-dem0", stored)).resolves.toBe(false);
    await expect(verifyPassword("", stored)).resolves.toBe(false);
    await expect(verifyPassword("tessera-demo", "plain-text")).resolves.toBe(false);
  });
});
