"use server";

import { revalidatePath } from "next/cache";
import { runAsUser } from "@/lib/actions/run-action";
import { redeliverWebhookEvent, reenableWebhook, regenerateWebhookSecret } from "./management";

const appPath = (groupSlug: string, clientId: string) => `/g/${encodeURIComponent(groupSlug)}/settings/apps/${encodeURIComponent(clientId)}`;

// A new signing secret: the answer is the only place it is ever shown.
export async function regenerateWebhookSecretAction(groupSlug: string, clientId: string) {
  return runAsUser(async (actor) => {
    const { secret, hint } = await regenerateWebhookSecret(actor, clientId, groupSlug);
    revalidatePath(appPath(groupSlug, clientId));
    return { secret, hint };
  });
}

export async function reenableWebhookAction(groupSlug: string, clientId: string) {
  return runAsUser(async (actor) => {
    const changed = await reenableWebhook(actor, clientId, groupSlug);
    // The banner is on every page of the group.
    revalidatePath(`/g/${encodeURIComponent(groupSlug)}`, "layout");
    return { changed };
  });
}

export async function redeliverWebhookEventAction(groupSlug: string, eventId: string) {
  return runAsUser(async (actor) => {
    const result = await redeliverWebhookEvent(actor, eventId, groupSlug);
    revalidatePath(`${appPath(groupSlug, result.clientId)}/webhook`);
    return { eventId: result.eventId };
  });
}
