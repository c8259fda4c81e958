import { connection } from "next/server";
import { getServerSession } from "next-auth/next";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getAuthOptions } from "./options";

export type CurrentUser = { id: string; email: string; name: string; isPlatformAdmin: boolean };

// The signed-in user, read fresh from the database on every call (a deleted
// user's still-valid cookie signs nobody in), or null.
export async function getCurrentUser(): Promise<CurrentUser | null> {
  // Per request, never at build time (the database may not exist yet).
  await connection();
  const session = await getServerSession(await getAuthOptions());
  const userId = (session as { userId?: string } | null)?.userId;
  if (!userId) return null;
  return getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, isPlatformAdmin: true },
  });
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  return user;
}
