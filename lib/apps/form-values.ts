import type { AppRegistrationInput } from "./schemas";
import { DEFAULT_APP_SCOPES } from "./scopes";
import type { AppView } from "./view";

// Form values for a new registration, and for editing an existing app.
export function newAppFormValues(contactEmail: string): AppRegistrationInput {
  return {
    name: "",
    description: "",
    logoUrl: "",
    homepageUrl: "",
    clientType: "CONFIDENTIAL",
    redirectUris: [{ uri: "" }],
    scopes: [...DEFAULT_APP_SCOPES],
    availability: "GROUP",
    setupUrl: "",
    webhookUrl: "",
    contactEmail,
    privacyPolicyUrl: "",
    termsUrl: "",
    publisherName: "",
    publisherUrl: "",
    isMentionable: false,
  };
}

export function appFormValues(app: AppView): AppRegistrationInput {
  return {
    name: app.name,
    description: app.description,
    logoUrl: app.logoUrl ?? "",
    homepageUrl: app.homepageUrl ?? "",
    clientType: app.clientType,
    redirectUris: app.redirectUris.map((uri) => ({ uri })),
    scopes: app.scopes,
    availability: app.availability,
    setupUrl: app.setupUrl ?? "",
    webhookUrl: app.webhookUrl ?? "",
    contactEmail: app.contactEmail,
    privacyPolicyUrl: app.privacyPolicyUrl ?? "",
    termsUrl: app.termsUrl ?? "",
    publisherName: app.publisherName,
    publisherUrl: app.publisherUrl ?? "",
    isMentionable: app.isMentionable,
  };
}
