import { getDb } from "@/lib/db";
import { systemActor } from "@/lib/auth/actor";
import { createApp } from "@/lib/apps/mutations";
import { newAppFormValues } from "@/lib/apps/form-values";
import { DEMO_APPS } from "./demo-apps";

// Registers the demo apps through the same data layer as the UI. Idempotent:
// an app whose name already exists in its group is left as it is. Their
// first secrets are discarded: an admin generates one to use an app.
export async function seedDemoApps(): Promise<void> {
  const actor = systemActor("seed");
  for (const { groupSlug, registration } of DEMO_APPS) {
    const exists = await getDb().app.findFirst({ where: { name: registration.name, ownerGroup: { slug: groupSlug } } });
    if (exists) continue;
    await createApp(actor, groupSlug, { ...newAppFormValues("platform@tessera.test"), ...registration });
  }
}
