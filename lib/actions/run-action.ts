import { userActor, type Actor } from "@/lib/auth/actor";
import { getCurrentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

// What a server action answers. Errors from the data layer become a message
// (and field messages for forms); this is the action side of the one mapping.
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fields?: Record<string, string> };

// Runs a server action for the signed-in user: who they are is re-read here
// and every permission is checked again by the data-layer call.
export async function runAsUser<T>(run: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Your session has ended. Sign in again to continue." };
  try {
    return { ok: true, data: await run(userActor(user)) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, error: error.message, fields: Object.keys(error.fields).length ? error.fields : undefined };
  }
}
