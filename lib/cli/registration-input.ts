import type { AppRegistrationInput } from "@/lib/apps/schemas";
import { DEFAULT_APP_SCOPES } from "@/lib/apps/scopes";
import type { CommandValues } from "./command";

// The flags of `apps create`, as parseArgs options.
export const REGISTRATION_OPTIONS = {
  group: { type: "string" },
  name: { type: "string" },
  description: { type: "string" },
  "logo-url": { type: "string" },
  "homepage-url": { type: "string" },
  "client-type": { type: "string" },
  "redirect-uri": { type: "string", multiple: true },
  scope: { type: "string", multiple: true },
  availability: { type: "string" },
  "setup-url": { type: "string" },
  "webhook-url": { type: "string" },
  "contact-email": { type: "string" },
  "privacy-policy-url": { type: "string" },
  "terms-url": { type: "string" },
  "publisher-name": { type: "string" },
  "publisher-url": { type: "string" },
  mentionable: { type: "boolean" },
} as const;

// The same input object the "Build your own" form submits. Nothing is checked
// here: appRegistrationSchema (inside createApp) validates every field, so a
// missing --name or a bad --redirect-uri gets the web UI's message.
// Enum flags are lower-case on the command line, upper-case in the schema.
export function toRegistrationInput(values: CommandValues<typeof REGISTRATION_OPTIONS>) {
  return {
    name: values.name ?? "",
    description: values.description ?? "",
    logoUrl: values["logo-url"] ?? "",
    homepageUrl: values["homepage-url"] ?? "",
    clientType: (values["client-type"] ?? "confidential").toUpperCase(),
    redirectUris: (values["redirect-uri"] ?? []).map((uri) => ({ uri })),
    scopes: values.scope ?? [...DEFAULT_APP_SCOPES],
    availability: (values.availability ?? "group").toUpperCase(),
    setupUrl: values["setup-url"] ?? "",
    webhookUrl: values["webhook-url"] ?? "",
    contactEmail: values["contact-email"] ?? "",
    privacyPolicyUrl: values["privacy-policy-url"] ?? "",
    termsUrl: values["terms-url"] ?? "",
    publisherName: values["publisher-name"] ?? "",
    publisherUrl: values["publisher-url"] ?? "",
    isMentionable: values.mentionable === true,
  } satisfies Record<keyof AppRegistrationInput, unknown>;
}
