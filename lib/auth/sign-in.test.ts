import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createUser, TEST_PASSWORD, uniqueSuffix } from "@/lib/testing/factories";
import { SIGN_IN_FAILED } from "./schemas";
import { THROTTLE_LIMITS } from "./throttle";
import { verifyCredentials } from "./sign-in";

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${uniqueSuffix()}`;
const attempt = (email: string, password: string, from: string) =>
  verifyCredentials({ email, password }, from).catch((error: Error) => error);

describe("signing in with email and password", () => {
  it("accepts the right password, whatever the email's case", async () => {
    const user = await createUser();
    const signedIn = await verifyCredentials({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, ip());
    expect(signedIn).toEqual({ id: user.id, email: user.email, name: user.name });
  });

  it("gives one message for a wrong password and an unknown email", async () => {
    const user = await createUser();
    const wrong = await attempt(user.email, "not the password", ip());
    const unknown = await attempt(`nobody-${uniqueSuffix()}@example.test`, TEST_PASSWORD, ip());
    expect(wrong).toMatchObject({ code: "UNAUTHENTICATED", message: SIGN_IN_FAILED });
    expect(unknown).toMatchObject({ code: "UNAUTHENTICATED", message: SIGN_IN_FAILED });
  });

  it("refuses malformed input with the same message", async () => {
    await expect(verifyCredentials({ email: "not-an-email" }, ip())).rejects.toMatchObject({ message: SIGN_IN_FAILED });
  });

  it("locks an email after repeated failures, even for the right password", async () => {
    const user = await createUser();
    for (let i = 0; i < THROTTLE_LIMITS.email; i++) await attempt(user.email, "wrong", ip());
    const locked = await attempt(user.email, TEST_PASSWORD, ip());
    expect(locked).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/) });
    const other = await createUser();
    await expect(verifyCredentials({ email: other.email, password: TEST_PASSWORD }, ip())).resolves.toMatchObject({ id: other.id });
  });

  it("locks an IP address guessing across many emails", async () => {
    const from = ip();
    for (let i = 0; i < THROTTLE_LIMITS.ip; i++) await attempt(`guess-${uniqueSuffix()}@example.test`, "wrong", from);
    const user = await createUser();
    await expect(attempt(user.email, TEST_PASSWORD, from)).resolves.toMatchObject({ code: "RATE_LIMITED" });
    await expect(verifyCredentials({ email: user.email, password: TEST_PASSWORD }, ip())).resolves.toMatchObject({ id: user.id });
  });

  it("forgets an email's earlier failures after a successful sign-in", async () => {
    const user = await createUser();
    for (let i = 0; i < THROTTLE_LIMITS.email - 1; i++) await attempt(user.email, "wrong", ip());
    await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, ip());
    await attempt(user.email, "wrong", ip());
    await expect(verifyCredentials({ email: user.email, password: TEST_PASSWORD }, ip())).resolves.toMatchObject({ id: user.id });
  });

  it("records sign-ins and failures in the audit trail", async () => {
    const user = await createUser();
    await attempt(user.email, "wrong", ip());
    await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, ip());
    const events = await getDb().auditEvent.findMany({ where: { actorUserId: user.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["auth.sign_in_failed", "auth.signed_in"]);
  });
});
