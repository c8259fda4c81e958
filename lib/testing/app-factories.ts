import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { createApp, type CreatedApp } from "@/lib/apps/mutations";
import type { AppRegistrationInput } from "@/lib/apps/schemas";
import { createGroup, createUser, uniqueSuffix } from "./factories";

// App registration builders for tests: a valid "Build your own" input, and an
// app registered through the real data layer.
export function validRegistration(overrides: Partial<AppRegistrationInput> = {}): AppRegistrationInput {
  return {
    name: `Timesheets ${uniqueSuffix()}`,
    description: "",
    logoUrl: "",
    homepageUrl: "",
    clientType: "CONFIDENTIAL",
    redirectUris: [{ uri: "https://app.example.com/callback" }],
    scopes: ["openid", "profile"],
    availability: "GROUP",
    setupUrl: "",
    webhookUrl: "",
    contactEmail: "dev@example.com",
    privacyPolicyUrl: "",
    termsUrl: "",
    publisherName: "",
    publisherUrl: "",
    isMentionable: false,
    ...overrides,
  };
}

export function createTestApp(actor: Actor, groupSlug: string, overrides: Partial<AppRegistrationInput> = {}): Promise<CreatedApp> {
  return createApp(actor, groupSlug, validRegistration(overrides));
}

// A group of a platform organization (where Global apps are published from),
// with a platform admin who administers it.
export async function createPlatformGroupWithAdmin() {
  const suffix = uniqueSuffix();
  const organization = await getDb().organization.create({
    data: { slug: `platform-${suffix}`, name: `Platform ${suffix}`, isPlatform: true },
  });
  const group = await createGroup(organization.id, "Platform");
  const platformAdmin = await createUser([[group.id, "ADMIN"]], { isPlatformAdmin: true });
  return { organization, group, platformAdmin };
}
