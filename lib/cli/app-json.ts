import type { AppView, SecretView } from "@/lib/apps/view";

// The JSON shapes of --json output: snake_case keys, lower-case enum values
// (as the flags take them), ISO dates. Never a secret's hash.

export type GroupRef = { slug: string; organization: { slug: string } };

export function toAppJson(app: AppView, group: GroupRef) {
  return {
    client_id: app.clientId,
    name: app.name,
    description: app.description,
    client_type: app.clientType.toLowerCase(),
    availability: app.availability.toLowerCase(),
    status: app.status.toLowerCase(),
    group: group.slug,
    organization: group.organization.slug,
    redirect_uris: app.redirectUris,
    scopes: app.scopes,
    logo_url: app.logoUrl,
    homepage_url: app.homepageUrl,
    setup_url: app.setupUrl,
    webhook_url: app.webhookUrl,
    contact_email: app.contactEmail,
    privacy_policy_url: app.privacyPolicyUrl,
    terms_url: app.termsUrl,
    publisher_name: app.publisherName,
    publisher_url: app.publisherUrl,
    is_mentionable: app.isMentionable,
    created_at: app.createdAt.toISOString(),
    updated_at: app.updatedAt.toISOString(),
  };
}

export function toSecretJson(secret: SecretView) {
  return {
    id: secret.id,
    hint: secret.hint,
    created_at: secret.createdAt.toISOString(),
    last_used_at: secret.lastUsedAt?.toISOString() ?? null,
    expires_at: secret.expiresAt?.toISOString() ?? null,
    revoked_at: secret.revokedAt?.toISOString() ?? null,
    live: secret.live,
  };
}
