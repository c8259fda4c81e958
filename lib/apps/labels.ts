// Display words for app settings (safe to import from client components).
export const AVAILABILITY_OPTIONS = {
  GROUP: { label: "Group", description: "Only this group can find and enable the app." },
  ORGANIZATION: { label: "Organization", description: "Every group of this organization can find it in Browse App Registrations and Add Consent." },
  GLOBAL: { label: "Global", description: "Published by the platform: every customer's groups can find it and Add Consent." },
} as const;

export const CLIENT_TYPE_OPTIONS = {
  CONFIDENTIAL: { label: "Confidential", description: "Runs on a server that can keep a Client Secret safe." },
  PUBLIC: { label: "Public", description: "Runs in a browser or on a device: no secret, signs in with PKCE instead." },
} as const;

export const SECRET_LIFETIME_LABELS = { never: "Never expires", "30": "30 days", "90": "90 days", "180": "180 days", "365": "1 year" } as const;
