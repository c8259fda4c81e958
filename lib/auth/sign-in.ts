import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { getDummyPasswordHash, verifyPassword } from "./password";
import { SIGN_IN_FAILED, signInSchema } from "./schemas";
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure, throttleKeys } from "./throttle";

export type SignedInUser = { id: string; email: string; name: string };

// Checks an email + password pair. Unknown email and wrong password give the
// same error after the same work, so the answer reveals no account.
export async function verifyCredentials(input: unknown, ip: string): Promise<SignedInUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", SIGN_IN_FAILED);
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, ip);
  await assertSignInAllowed(keys);

  const user = await getDb().user.findUnique({ where: { email: email.toLowerCase() } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await getDummyPasswordHash()));
  if (!user || !valid) {
    await recordSignInFailure(keys);
    await recordAuditEvent({ action: "auth.sign_in_failed", actorUserId: user?.id, actorLabel: `ip ${ip}` });
    throw new AppError("UNAUTHENTICATED", SIGN_IN_FAILED);
  }
  await clearSignInFailures(keys);
  await recordAuditEvent({ action: "auth.signed_in", actorUserId: user.id, actorLabel: `ip ${ip}` });
  return { id: user.id, email: user.email, name: user.name };
}
