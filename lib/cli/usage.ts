import { DEFAULT_APP_SCOPES, SCOPE_IDS } from "@/lib/apps/scopes";
import { SECRET_LIFETIMES } from "@/lib/apps/schemas";

// Help text: one block per command (shown by `<command> --help`), and all of
// them together for `help`.

// "never" first (object keys list the numeric ones first).
const LIFETIMES = ["never", ...Object.keys(SECRET_LIFETIMES).filter((key) => key !== "never")].join("|");

export const APPS_CREATE_USAGE = `apps create --group <group> --name <name> --redirect-uri <uri> --contact-email <email> [options]
  Register an app in a group. A confidential app's client secret is printed once.
  --group <group>               owning group: its slug, or <organization>/<group> to check the organization
  --name <name>                 app name (required)
  --description <text>
  --logo-url <url>
  --homepage-url <url>
  --client-type <type>          confidential (default) or public (no secret: PKCE)
  --redirect-uri <uri>          exact redirect URI; repeat for each (https://, or http:// on localhost)
  --scope <id>                  permission the app may request; repeat for each
                                (default: ${DEFAULT_APP_SCOPES.join(" ")})
                                known: ${SCOPE_IDS.join(" ")}
  --availability <where>        group (default), organization, or global (platform groups, platform admins)
  --setup-url <url>
  --webhook-url <url>
  --contact-email <email>       developer contact (required)
  --privacy-policy-url <url>
  --terms-url <url>
  --publisher-name <name>
  --publisher-url <url>
  --mentionable                 users may @mention the app`;

export const APPS_LIST_USAGE = `apps list --group <group>
  List the apps a group registered: client_id, name, type, availability, status.
  --group <group>               group slug, or <organization>/<group>`;

export const APPS_SHOW_USAGE = `apps show <client_id>
  Show an app's settings and its secrets (hint, created, last used, expires, revoked, live).`;

export const APPS_ROTATE_SECRET_USAGE = `apps rotate-secret <client_id> [--expires-in ${LIFETIMES}] [--revoke-old]
  Generate a new client secret (printed once). An app has at most 2 live secrets.
  --expires-in <days>           days until it expires: ${LIFETIMES.replace(/\|/g, ", ")} (default never)
  --revoke-old                  then revoke every other live secret (at the limit, the oldest goes first)`;

export const APPS_DELETE_USAGE = `apps delete <client_id> --confirm <name>
  Delete an app and its secrets.
  --confirm <name>              the app's exact name`;

export const USAGE = `Usage: npm run tessera -- <command> [options]

Manage Custom App registrations with the same rules as the web UI.

Commands:
  apps create          register an app
  apps list            list a group's apps
  apps show            show an app's settings and secrets
  apps rotate-secret   generate a new client secret
  apps delete          delete an app
  help                 show this text

Options for every apps command:
  --as <email>                  act as this user: their group roles apply
                                (default: the operator, who may manage any group)
  --json                        print JSON on stdout; errors as {"error", "message", "fields"}
  -h, --help                    show the command's help

${[APPS_CREATE_USAGE, APPS_LIST_USAGE, APPS_SHOW_USAGE, APPS_ROTATE_SECRET_USAGE, APPS_DELETE_USAGE].join("\n\n")}

Exit codes: 0 done, 1 unexpected error or database not ready, 2 invalid input or usage,
3 not found or not allowed, 4 conflict (e.g. too many live secrets).
The database must be migrated already (\`npm start\` or \`npm run db:migrate\`).
Scripts reading --json should run \`npm run -s tessera -- …\`: without -s, npm prints its own
header lines on stdout.`;
