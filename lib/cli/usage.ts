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

export const CONSENT_ADD_USAGE = `consent add --group <group> --app <client_id> [--scope <id>]...
  Add Consent: enable an app in a group (and give it its bot there). Prints the installation id;
  adding an app that is already installed prints its installation unchanged.
  --group <group>               group slug, or <organization>/<group>
  --app <client_id>             the app: a Group app of this group, an Organization app of its
                                organization, or a Global app
  --scope <id>                  permission the group allows; repeat for each
                                (default: every permission the app may request; openid always)`;

export const CONSENT_LIST_USAGE = `consent list --group <group>
  List the apps installed in a group: installation id, app, client_id, scopes, bot, installed by, at.
  --group <group>               group slug, or <organization>/<group>`;

export const CONSENT_REMOVE_USAGE = `consent remove --group <group> <installation_id>
  Remove consent: revoke an app's installation in a group.
  --group <group>               group slug, or <organization>/<group>`;

export const INSTALLATIONS_SHOW_USAGE = `installations show <installation_id> [--group <group>]
  Show an installation (live or revoked): app, group, scopes, bot, who added consent, last use,
  last bot token, setup status, people who connected it. --json prints Plane's app-installation
  object plus scopes, setup_status, last_bot_token_at, last_used_at and client_id.
  --group <group>               check it belongs to this group: slug, or <organization>/<group>`;

export const WEBHOOKS_DELIVERIES_USAGE = `webhooks deliveries --app <client_id> [--status pending|delivered|failed] [--installation <id>] [--page <n>]
  An app's webhook delivery log, newest first, 50 a page: event id, event, status, response code,
  latency of the last attempt, attempts, next retry, group, created. Admins of the owning group only.
  --app <client_id>             the app (required)
  --status <status>             only pending, delivered or failed deliveries
  --installation <id>           only deliveries to this installation (app_installation_id)
  --page <n>                    older deliveries (default 1)`;

export const WEBHOOKS_REDELIVER_USAGE = `webhooks redeliver <event_id>
  Send a webhook event again, with the same event id and body, as soon as the server's worker is
  free. Refused while the app's webhook is paused (re-enable it first).`;

export const WEBHOOKS_ROTATE_SECRET_USAGE = `webhooks rotate-secret <client_id>
  Generate a new webhook signing secret (printed once); deliveries are signed with it from now on.`;

export const WEBHOOKS_ENABLE_USAGE = `webhooks enable <client_id>
  Re-enable an app's paused webhook: its pending events go out again.`;

export const KEYS_ROTATE_USAGE = `keys rotate
  Rotate the authorization server's signing and cookie keys. New keys sign after the next restart;
  the previous ones keep verifying what was already issued; older ones are dropped. Operator only.`;

export const USAGE = `Usage: npm run tessera -- <command> [options]

Manage Custom App registrations and their installations with the same rules as the web UI.

Commands:
  apps create          register an app
  apps list            list a group's apps
  apps show            show an app's settings and secrets
  apps rotate-secret   generate a new client secret
  apps delete          delete an app
  consent add          enable an app in a group
  consent list         list the apps installed in a group
  consent remove       remove an app from a group
  installations show   show an installation: its bot, last use and setup status
  webhooks deliveries  list an app's webhook deliveries
  webhooks redeliver   send a webhook event again
  webhooks rotate-secret
                       generate a new webhook signing secret
  webhooks enable      re-enable a paused webhook
  keys rotate          rotate the authorization server's signing and cookie keys
  help                 show this text

Options for every command:
  --as <email>                  act as this user: their group roles apply
                                (default: the operator, who may manage any group)
  --json                        print JSON on stdout; errors as {"error", "message", "fields"}
  -h, --help                    show the command's help

${[
  APPS_CREATE_USAGE, APPS_LIST_USAGE, APPS_SHOW_USAGE, APPS_ROTATE_SECRET_USAGE, APPS_DELETE_USAGE,
  CONSENT_ADD_USAGE, CONSENT_LIST_USAGE, CONSENT_REMOVE_USAGE, INSTALLATIONS_SHOW_USAGE,
  WEBHOOKS_DELIVERIES_USAGE, WEBHOOKS_REDELIVER_USAGE, WEBHOOKS_ROTATE_SECRET_USAGE, WEBHOOKS_ENABLE_USAGE,
  KEYS_ROTATE_USAGE,
].join("\n\n")}

Exit codes: 0 done, 1 unexpected error or database not ready, 2 invalid input or usage,
3 not found or not allowed, 4 conflict (e.g. too many live secrets, a suspended app).
The database must be migrated already (\`npm start\` or \`npm run db:migrate\`).
Scripts reading --json should run \`npm run -s tessera -- …\`: without -s, npm prints its own
header lines on stdout.`;
