import type { ConsentScreen as Screen } from "@/lib/oidc/consent";
import { REQUIRED_SCOPE, describeScope } from "@/lib/apps/scopes";
import { AppLogo } from "@/components/apps/app-logo";
import { Badge } from "@/components/ui";
import { FormAlert, primaryButton, secondaryButton } from "@/components/form/field";
import { InteractionFrame } from "./frames";

type Props = { uid: string; screen: Screen; user: { name: string; email: string }; error?: string };

// A plain HTML form posting to the interaction route handlers: works without
// JavaScript, and the server re-checks every choice.
export function ConsentScreen({ uid, screen, user, error }: Props) {
  const { app } = screen;
  return (
    <InteractionFrame title={`Allow ${app.name} to access Tessera?`}>
      <div className="flex items-center gap-3">
        <AppLogo name={app.name} logoUrl={app.logoUrl} size="h-12 w-12" />
        <div>
          <p className="flex items-center gap-2 font-medium text-slate-900">{app.name}{app.verified && <Badge tone="brand">✓ Verified</Badge>}</p>
          <p className="text-sm text-slate-500">by {app.publisher}</p>
        </div>
      </div>
      <p className="mt-4 text-sm text-slate-600">
        Signed in as <strong>{user.name}</strong> ({user.email}). After you allow, you will be sent to <strong data-testid="redirect-host">{screen.redirectHost}</strong>.
      </p>
      {error && <div className="mt-4"><FormAlert>{error}</FormAlert></div>}
      <form method="post" action={`/interaction/${uid}/confirm`} className="mt-6 space-y-6">
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">Group the app will act in</legend>
          <div className="space-y-2">
            {screen.groups.map((group, index) => (
              <label key={group.id} className="flex cursor-pointer items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type="radio" name="groupId" value={group.id} defaultChecked={index === 0} required className="accent-brand-600" />
                <span className="text-sm"><span className="font-medium text-slate-900">{group.name}</span> <span className="text-slate-500">· {group.organization}</span></span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">It will be able to</legend>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
            {screen.requested.map((id) => {
              const scope = describeScope(id);
              const required = id === REQUIRED_SCOPE;
              return (
                <li key={id}>
                  <label className="flex items-start gap-3 px-3 py-2.5">
                    <input type="checkbox" name="scope" value={id} defaultChecked disabled={required} aria-label={scope?.label ?? id} className="mt-1 accent-brand-600" />
                    {required && <input type="hidden" name="scope" value={id} />}
                    <span>
                      <span className="text-sm font-medium text-slate-900">{scope?.label ?? id}</span>
                      <span className="block text-xs text-slate-600">{scope?.description}</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          <p className="mt-2 text-xs text-slate-500">Never more than your own role allows in the group, nor more than the group&apos;s admins allowed this app.</p>
        </fieldset>
        <div className="flex justify-end gap-3">
          <button type="submit" formAction={`/interaction/${uid}/abort`} formNoValidate className={secondaryButton}>Deny</button>
          <button type="submit" className={primaryButton}>Allow</button>
        </div>
      </form>
      {(app.privacyPolicyUrl || app.termsUrl) && (
        <p className="mt-6 text-xs text-slate-500">
          {app.privacyPolicyUrl && <a className="underline" href={app.privacyPolicyUrl}>Privacy policy</a>}
          {app.privacyPolicyUrl && app.termsUrl && " · "}
          {app.termsUrl && <a className="underline" href={app.termsUrl}>Terms of service</a>}
        </p>
      )}
    </InteractionFrame>
  );
}
