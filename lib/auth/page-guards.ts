import { forbidden, notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { getCurrentUser, type CurrentUser } from "./session";

// For pages: the signed-in user, or a redirect to sign-in that comes back here.
export async function requirePageUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

// Runs a data-layer call for a page, turning its AppError into Next's 404 /
// 403 / sign-in answers. This is the page side of the one error mapping.
export async function loadForPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "NOT_FOUND") notFound();
    if (error.code === "FORBIDDEN") forbidden();
    if (error.code === "UNAUTHENTICATED") redirect("/signin");
    throw error;
  }
}
