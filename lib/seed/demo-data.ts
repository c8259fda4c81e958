import type { Role } from "@/lib/db";

export const DEMO_PASSWORD = "tessera-demo";

export const DEMO_ORGANIZATIONS = [
  { slug: "platform", name: "Tessera Platform", isPlatform: true, groups: [{ slug: "platform", name: "Platform", description: "Publishes the apps every customer can enable." }] },
  {
    slug: "acme",
    name: "Acme",
    isPlatform: false,
    groups: [
      { slug: "engineering", name: "Engineering", description: "Builds and runs Acme's products." },
      { slug: "marketing", name: "Marketing", description: "Campaigns, launches and the website." },
    ],
  },
  { slug: "globex", name: "Globex", isPlatform: false, groups: [{ slug: "globex-ops", name: "Globex Ops", description: "Operations at Globex." }] },
] as const;

export const DEMO_USERS: {
  email: string;
  name: string;
  isPlatformAdmin?: boolean;
  memberships: [groupSlug: string, role: Role][];
}[] = [
  { email: "ada@acme.test", name: "Ada Lovelace", memberships: [["engineering", "ADMIN"]] },
  { email: "bob@acme.test", name: "Bob Builder", memberships: [["engineering", "MEMBER"], ["marketing", "ADMIN"]] },
  { email: "vic@acme.test", name: "Vic Viewer", memberships: [["engineering", "VIEWER"]] },
  { email: "gil@globex.test", name: "Gil Globex", memberships: [["globex-ops", "ADMIN"]] },
  { email: "root@tessera.test", name: "Root Admin", isPlatformAdmin: true, memberships: [["platform", "ADMIN"]] },
];
