// The permissions (OAuth scopes) Tessera's API defines. An app registration
// lists the ones it may request; Add Consent and the user narrow them further.
export const SCOPES = [
  { id: "openid", label: "Sign you in", description: "Know who you are: your Tessera user ID. Always included.", required: true },
  { id: "profile", label: "Your name", description: "See your display name." },
  { id: "email", label: "Your email address", description: "See the email address of your Tessera account." },
  { id: "offline_access", label: "Stay connected", description: "Keep access when you are not using the app (refresh tokens)." },
  { id: "group:read", label: "Group details", description: "See the selected group's name, slug and members." },
  { id: "projects:read", label: "Read projects", description: "See the group's projects." },
  { id: "projects:write", label: "Manage projects", description: "Create, rename and delete the group's projects." },
  { id: "work_items:read", label: "Read work items", description: "See work items, their assignees and comments." },
  { id: "work_items:write", label: "Manage work items", description: "Create, edit, assign, comment on and delete work items." },
] as const;

export type ScopeId = (typeof SCOPES)[number]["id"];

export const SCOPE_IDS = SCOPES.map((scope) => scope.id) as [ScopeId, ...ScopeId[]];

export const REQUIRED_SCOPE: ScopeId = "openid";

export const DEFAULT_APP_SCOPES: ScopeId[] = ["openid", "profile", "email", "projects:read", "work_items:read"];

export function describeScope(id: string) {
  return SCOPES.find((scope) => scope.id === id);
}

// Scopes in catalog order, unknown ones dropped.
export function sortScopes(ids: readonly string[]): ScopeId[] {
  return SCOPE_IDS.filter((id) => ids.includes(id));
}
