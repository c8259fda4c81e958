import type { AppRegistrationInput } from "@/lib/apps/schemas";
import { SCOPE_IDS, type ScopeId } from "@/lib/apps/scopes";

type DemoApp = { groupSlug: string; registration: Partial<AppRegistrationInput> & Pick<AppRegistrationInput, "name" | "clientType" | "availability" | "redirectUris"> };

const uris = (...list: string[]) => list.map((uri) => ({ uri }));
const ALL_API: ScopeId[] = [...SCOPE_IDS];

// Apps on every tab of Browse App Registrations: two published by the
// platform (Global), one shared across Acme (Organization), one Group app.
export const DEMO_APPS: DemoApp[] = [
  {
    groupSlug: "platform",
    registration: {
      name: "Claude",
      description: "AI assistant: reads and updates your group's projects and work items, and answers when mentioned.",
      clientType: "PUBLIC",
      availability: "GLOBAL",
      redirectUris: uris("https://claude.ai/api/mcp/auth_callback", "https://claude.com/api/mcp/auth_callback"),
      scopes: ALL_API,
      homepageUrl: "https://claude.ai",
      publisherName: "Anthropic",
      publisherUrl: "https://www.anthropic.com",
      isMentionable: true,
    },
  },
  {
    groupSlug: "platform",
    registration: {
      name: "Postman",
      description: "Explore and test the Tessera API from Postman with your own permissions.",
      clientType: "CONFIDENTIAL",
      availability: "GLOBAL",
      redirectUris: uris("https://oauth.pstmn.io/v1/callback"),
      scopes: ALL_API,
      homepageUrl: "https://www.postman.com",
      publisherName: "Postman",
      publisherUrl: "https://www.postman.com",
    },
  },
  {
    groupSlug: "engineering",
    registration: {
      name: "Acme Timesheets",
      description: "Logs time against work items; shared with every Acme group.",
      clientType: "CONFIDENTIAL",
      availability: "ORGANIZATION",
      redirectUris: uris("https://timesheets.acme.test/oauth/callback"),
      scopes: ["openid", "profile", "email", "offline_access", "projects:read", "work_items:read"],
      setupUrl: "https://timesheets.acme.test/install",
      publisherName: "Acme",
    },
  },
  {
    groupSlug: "engineering",
    registration: {
      name: "Deploy Bot",
      description: "Engineering's release helper: comments on work items when a deploy ships.",
      clientType: "CONFIDENTIAL",
      availability: "GROUP",
      redirectUris: uris("http://localhost:4000/oauth/callback"),
      scopes: ["openid", "work_items:read", "work_items:write"],
      publisherName: "Acme Engineering",
      isMentionable: true,
    },
  },
];
