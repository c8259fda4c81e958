import type { App, AppSecret } from "@/lib/db/generated/client";
import { sortScopes, type ScopeId } from "./scopes";
import { isSecretLive } from "./secrets";

// What pages, actions and the CLI show of an app: never a secret's hash.
export type AppView = {
  id: string;
  clientId: string;
  name: string;
  description: string;
  logoUrl: string | null;
  homepageUrl: string | null;
  clientType: App["clientType"];
  availability: App["availability"];
  status: App["status"];
  redirectUris: string[];
  scopes: ScopeId[];
  setupUrl: string | null;
  webhookUrl: string | null;
  contactEmail: string;
  privacyPolicyUrl: string | null;
  termsUrl: string | null;
  publisherName: string;
  publisherUrl: string | null;
  isMentionable: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export function toAppView(app: App): AppView {
  return {
    id: app.id,
    clientId: app.clientId,
    name: app.name,
    description: app.description,
    logoUrl: app.logoUrl,
    homepageUrl: app.homepageUrl,
    clientType: app.clientType,
    availability: app.availability,
    status: app.status,
    redirectUris: stringList(app.redirectUris),
    scopes: sortScopes(stringList(app.scopes)),
    setupUrl: app.setupUrl,
    webhookUrl: app.webhookUrl,
    contactEmail: app.contactEmail,
    privacyPolicyUrl: app.privacyPolicyUrl,
    termsUrl: app.termsUrl,
    publisherName: app.publisherName,
    publisherUrl: app.publisherUrl,
    isMentionable: app.isMentionable,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
  };
}

export type SecretView = {
  id: string;
  hint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  live: boolean;
};

export function toSecretView(secret: AppSecret, now = new Date()): SecretView {
  const { id, hint, createdAt, lastUsedAt, expiresAt, revokedAt } = secret;
  return { id, hint, createdAt, lastUsedAt, expiresAt, revokedAt, live: isSecretLive(secret, now) };
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

type PublishedApp = {
  publisherName: string;
  availability: App["availability"];
  ownerGroup: { organization: { name: string; isPlatform?: boolean } };
};

// Who an app is shown as published by: its publisher details, or else the
// organization that registered it.
export function publisherOf(app: PublishedApp): string {
  return app.publisherName || app.ownerGroup.organization.name;
}

// The verified badge: Global apps published by the platform organization.
export function isVerifiedApp(app: PublishedApp): boolean {
  return app.availability === "GLOBAL" && app.ownerGroup.organization.isPlatform === true;
}
