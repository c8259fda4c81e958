"use server";

import { runAsUser } from "@/lib/actions/run-action";
import { addConsent, removeConsent } from "./mutations";

// The apps page is dynamic: the dialogs refresh it themselves once the admin
// has read the result (revalidating here would unmount them mid-read).

export async function addConsentAction(groupSlug: string, input: unknown) {
  return runAsUser((actor) => addConsent(actor, groupSlug, input));
}

export async function removeConsentAction(groupSlug: string, installationId: string) {
  return runAsUser(async (actor) => {
    await removeConsent(actor, groupSlug, installationId);
    return null;
  });
}
