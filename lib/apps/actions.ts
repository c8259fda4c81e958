"use server";

import { revalidatePath } from "next/cache";
import { runAsUser } from "@/lib/actions/run-action";
import { createApp, deleteApp, updateApp } from "./mutations";
import { generateAppSecret, revokeAppSecret } from "./secret-mutations";

const appsPath = (groupSlug: string) => `/g/${encodeURIComponent(groupSlug)}/settings/apps`;

export async function createAppAction(groupSlug: string, input: unknown) {
  return runAsUser(async (actor) => {
    // No revalidation: the pages are dynamic, and a refresh here would replace
    // the one screen that shows the new secret.
    const { app, clientSecret, webhookSecret } = await createApp(actor, groupSlug, input);
    return { clientId: app.clientId, name: app.name, clientType: app.clientType, clientSecret, webhookSecret };
  });
}

export async function updateAppAction(groupSlug: string, clientId: string, input: unknown) {
  return runAsUser(async (actor) => {
    const app = await updateApp(actor, clientId, input, groupSlug);
    revalidatePath(appsPath(groupSlug), "layout");
    // Set only when this save gave the app its webhook: shown once by the form.
    return { updatedAt: app.updatedAt, webhookSecret: app.webhookSecret };
  });
}

export async function generateSecretAction(groupSlug: string, clientId: string, input: unknown) {
  return runAsUser(async (actor) => {
    const { secret, view } = await generateAppSecret(actor, clientId, input, groupSlug);
    revalidatePath(`${appsPath(groupSlug)}/${clientId}`);
    return { secret, hint: view.hint };
  });
}

export async function revokeSecretAction(groupSlug: string, clientId: string, secretId: string) {
  return runAsUser(async (actor) => {
    await revokeAppSecret(actor, clientId, secretId, groupSlug);
    revalidatePath(`${appsPath(groupSlug)}/${clientId}`);
    return null;
  });
}

export async function deleteAppAction(groupSlug: string, clientId: string, input: unknown) {
  return runAsUser(async (actor) => {
    await deleteApp(actor, clientId, input, groupSlug);
    revalidatePath(appsPath(groupSlug), "layout");
    return null;
  });
}
