import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Failed sign-ins allowed per window before the key is locked for LOCK_MS.
export const THROTTLE_LIMITS = { email: 5, ip: 30 } as const;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

export type ThrottleKeys = { email: string; ip: string };

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return { email: `email:${email.trim().toLowerCase()}`, ip: `ip:${ip}` };
}

// Refuses the attempt while the email or the IP address is locked.
export async function assertSignInAllowed(keys: ThrottleKeys, now = new Date()): Promise<void> {
  const rows = await getDb().signInThrottle.findMany({ where: { key: { in: [keys.email, keys.ip] } } });
  const until = rows
    .map((row) => row.lockedUntil?.getTime() ?? 0)
    .reduce((latest, time) => Math.max(latest, time), 0);
  if (until > now.getTime()) {
    const minutes = Math.max(1, Math.ceil((until - now.getTime()) / 60000));
    throw new AppError(
      "RATE_LIMITED",
      `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
}

export async function recordSignInFailure(keys: ThrottleKeys, now = new Date()): Promise<void> {
  await countFailure(keys.email, THROTTLE_LIMITS.email, now);
  await countFailure(keys.ip, THROTTLE_LIMITS.ip, now);
}

// A successful sign-in clears the email's counter (not the IP's: one good
// account must not reset an address that is guessing at others).
export async function clearSignInFailures(keys: ThrottleKeys): Promise<void> {
  await getDb().signInThrottle.deleteMany({ where: { key: keys.email } });
}

async function countFailure(key: string, limit: number, now: Date): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await tx.signInThrottle.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= limit ? new Date(now.getTime() + LOCK_MS) : fresh ? null : row.lockedUntil;
    const data = { failures, lockedUntil, windowStart: fresh ? now : row.windowStart };
    await tx.signInThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
  });
}
