import { systemActor, userActor, type Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { findUserByEmail } from "./queries";

// Who a command acts as: the operator (system actor, may manage any group but
// still passes every validation rule), or with `--as <email>` that user, so
// their group roles are checked exactly as in the web UI.
export async function resolveActor(asEmail: string | undefined): Promise<Actor> {
  if (asEmail === undefined) return systemActor("cli");
  const user = await findUserByEmail(asEmail);
  if (!user) throw notFound(`No user has the email address ${asEmail}`);
  return userActor(user);
}
