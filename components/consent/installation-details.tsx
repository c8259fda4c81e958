import type { InstallationDetails } from "@/lib/consent/installation-details";
import { AppLogo } from "@/components/apps/app-logo";
import { SecretValue } from "@/components/secret-value";
import { Badge, Card, formatDate } from "@/components/ui";
import { RemoveConsentButton } from "./remove-consent-button";
import { ScopeChips } from "./scope-chips";

type Props = { groupSlug: string; isAdmin: boolean; installation: InstallationDetails };

const never = (date: Date | null) => (date ? formatDate(date) : "never");

// One installation of an app in a group: its id for bot tokens, its bot, the
// group's permissions, activity and setup status; admins may remove consent.
export function InstallationDetailsView({ groupSlug, isAdmin, installation }: Props) {
  const { app, bot } = installation;
  const live = installation.status === "INSTALLED";
  return (
    <div className="space-y-6">
      <InstallationHeader installation={installation} />
      {!live && (
        <p role="status" data-testid="installation-revoked" className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          Consent was removed by {installation.revokedBy?.name ?? "an operator"}
          {installation.revokedAt ? ` on ${formatDate(installation.revokedAt)}` : ""}. {app.name} no longer works in this group; its tokens and bot access here have ended.
        </p>
      )}

      <Card className="space-y-3 p-6">
        <h2 className="text-base font-semibold">Installation</h2>
        <SecretValue label="Installation ID" value={installation.id} testId="installation-id" />
        <p className="text-sm text-slate-600">
          This is the installation&apos;s <code className="font-mono text-xs">app_installation_id</code>. {app.name} sends it with its client
          credentials to get a bot token that acts in this group as its bot.
        </p>
      </Card>

      <Card className="p-6">
        <h2 className="mb-4 text-base font-semibold">Details</h2>
        <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-[12rem_1fr]">
          <Term>Bot</Term>
          <dd data-testid="installation-bot">
            <span className="font-medium text-slate-900">{bot.displayName}</span>{" "}
            <code className="font-mono text-xs text-slate-500">{bot.subject}</code>{" "}
            {app.isMentionable && <Badge tone="green">Mentionable</Badge>}
          </dd>

          <Term>Permissions granted to this group</Term>
          <dd><ScopeChips scopes={installation.scopes} /></dd>

          <Term>Consent added</Term>
          <dd>by {installation.installedBy?.name ?? "an operator"} on {formatDate(installation.installedAt)}</dd>

          <Term>Last used</Term>
          <dd data-testid="installation-last-used">{never(installation.lastUsedAt)}</dd>

          <Term>Last bot token</Term>
          <dd data-testid="installation-last-bot-token">{never(installation.lastBotTokenAt)}</dd>

          <Term>Setup</Term>
          <dd data-testid="installation-setup">
            <SetupStatus groupAdmin={isAdmin && live} installation={installation} />
          </dd>

          <Term>People who connected it here</Term>
          <dd data-testid="installation-people">
            {installation.people === 1 ? "1 person" : `${installation.people} people`}
          </dd>
        </dl>
      </Card>

      {isAdmin && live && (
        <Card className="border-rose-200 p-6">
          <h2 className="mb-1 text-base font-semibold text-rose-800">Remove consent</h2>
          <p className="mb-3 text-sm text-slate-600">The app stops working in this group at once. You can add consent again later.</p>
          <RemoveConsentButton groupSlug={groupSlug} installationId={installation.id} appName={app.name} />
        </Card>
      )}
    </div>
  );
}

function InstallationHeader({ installation }: { installation: InstallationDetails }) {
  const { app } = installation;
  return (
    <div className="flex flex-wrap items-center gap-4">
      <AppLogo name={app.name} logoUrl={app.logoUrl} size="h-14 w-14" />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="installation-app-name">{app.name}</h1>
        <p className="text-sm text-slate-600">by {app.publisher}</p>
        <div className="mt-1 flex flex-wrap gap-2" data-testid="installation-status">
          {installation.status === "INSTALLED" ? <Badge tone="green">Installed</Badge> : <Badge tone="red">Consent removed</Badge>}
          {installation.status === "INSTALLED" && installation.setupStatus === "waiting" && <Badge tone="amber">Waiting for setup</Badge>}
          {app.status === "SUSPENDED" && <Badge tone="red">App suspended</Badge>}
        </div>
      </div>
    </div>
  );
}

function SetupStatus({ installation, groupAdmin }: { installation: InstallationDetails; groupAdmin: boolean }) {
  if (installation.setupStatus === "complete" && installation.setupCompletedAt) {
    return <>Set up on {formatDate(installation.setupCompletedAt)}</>;
  }
  return (
    <span className="flex flex-wrap items-center gap-3">
      <span>Waiting for the app to finish setup</span>
      {groupAdmin && installation.app.setupUrl && (
        <a href={installation.app.setupUrl} className="font-medium text-brand-600 hover:text-brand-700">Continue setup</a>
      )}
    </span>
  );
}

function Term({ children }: { children: React.ReactNode }) {
  return <dt className="font-medium text-slate-500">{children}</dt>;
}
