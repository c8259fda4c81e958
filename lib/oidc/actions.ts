"use server";

import { runAsUser } from "@/lib/actions/run-action";
import { revokeConnectedApp } from "./grants";

export async function revokeConnectedAppAction(grantId: string) {
  return runAsUser(async (actor) => {
    if (actor.kind !== "user") return null;
    await revokeConnectedApp(actor.userId, grantId);
    return null;
  });
}
