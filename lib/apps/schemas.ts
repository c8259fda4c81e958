import { z } from "zod";
import { REQUIRED_SCOPE, SCOPE_IDS } from "./scopes";
import { checkRedirectUri, checkWebUrl } from "./url-rules";

// One schema for the "Build your own" form and the server (and the CLI).

const MAX_REDIRECT_URIS = 10;

const optionalUrl = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = value ? checkWebUrl(value) : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => value || null);

const redirectUris = z
  .array(z.object({ uri: z.string().trim() }))
  .min(1, "Add at least one redirect URI")
  .max(MAX_REDIRECT_URIS, `At most ${MAX_REDIRECT_URIS} redirect URIs`)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach(({ uri }, index) => {
      const problem = !uri ? "Enter a redirect URI" : checkRedirectUri(uri);
      const duplicate = !problem && seen.has(uri) ? "This redirect URI is listed twice" : null;
      seen.add(uri);
      const message = problem ?? duplicate;
      if (message) ctx.addIssue({ code: "custom", message, path: [index, "uri"] });
    });
  });

const scopes = z
  .array(z.enum(SCOPE_IDS, { error: "Unknown permission" }))
  .transform((ids) => SCOPE_IDS.filter((id) => id === REQUIRED_SCOPE || ids.includes(id)));

export const AVAILABILITIES = ["GROUP", "ORGANIZATION", "GLOBAL"] as const;
export const CLIENT_TYPES = ["CONFIDENTIAL", "PUBLIC"] as const;

const settingsShape = {
  name: z.string().trim().min(1, "Give the app a name").max(80, "Use at most 80 characters"),
  description: z.string().trim().max(500, "Use at most 500 characters"),
  logoUrl: optionalUrl,
  homepageUrl: optionalUrl,
  redirectUris,
  scopes,
  availability: z.enum(AVAILABILITIES, { error: "Choose where the app is available" }),
  setupUrl: optionalUrl,
  webhookUrl: optionalUrl,
  contactEmail: z.string().trim().min(1, "Enter a contact email").email("Enter a valid email address").max(254, "That email address is too long"),
  privacyPolicyUrl: optionalUrl,
  termsUrl: optionalUrl,
  publisherName: z.string().trim().max(100, "Use at most 100 characters"),
  publisherUrl: optionalUrl,
  isMentionable: z.boolean(),
};

export const appSettingsSchema = z.object(settingsShape);

export const appRegistrationSchema = z.object({
  ...settingsShape,
  clientType: z.enum(CLIENT_TYPES, { error: "Choose a client type" }),
});

export type AppSettingsInput = z.input<typeof appSettingsSchema>;
export type AppSettings = z.output<typeof appSettingsSchema>;
export type AppRegistrationInput = z.input<typeof appRegistrationSchema>;
export type AppRegistration = z.output<typeof appRegistrationSchema>;

export const SECRET_LIFETIMES = { never: null, "30": 30, "90": 90, "180": 180, "365": 365 } as const;

export const newSecretSchema = z.object({
  expiresIn: z.enum(Object.keys(SECRET_LIFETIMES) as [keyof typeof SECRET_LIFETIMES], { error: "Choose when the secret expires" }),
});

export type NewSecretInput = z.input<typeof newSecretSchema>;

export const deleteAppSchema = z.object({ confirmName: z.string() });
