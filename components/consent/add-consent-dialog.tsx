"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { addConsentAction } from "@/lib/consent/actions";
import { SCOPES, REQUIRED_SCOPE } from "@/lib/apps/scopes";
import { FormAlert, primaryButton, secondaryButton } from "@/components/form/field";

type Props = { groupSlug: string; groupName: string; app: { clientId: string; name: string; scopes: string[]; setupUrl: string | null } };

// Add Consent: shows what the app will be allowed to do in this group and
// lets the admin narrow it, then installs the app.
export function AddConsentDialog({ groupSlug, groupName, app }: Props) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [selected, setSelected] = useState<string[]>(app.scopes);
  const [error, setError] = useState<string>();
  const [installed, setInstalled] = useState(false);
  const [callbackUrl, setCallbackUrl] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const options = SCOPES.filter((scope) => app.scopes.includes(scope.id));

  const toggle = (id: string) => setSelected((current) => (current.includes(id) ? current.filter((s) => s !== id) : [...current, id]));
  const confirm = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await addConsentAction(groupSlug, { clientId: app.clientId, scopes: selected });
      if (!result.ok) return setError(result.fields?.scopes ?? result.error);
      // The page refreshes when the dialog closes: refreshing now would
      // unmount this dialog (the entry turns "Installed") before it is read.
      setCallbackUrl(result.data.callbackUrl);
      setInstalled(true);
    });
  const close = () => dialog.current?.close();
  const onClose = () => {
    if (!installed) return;
    setInstalled(false);
    router.refresh();
  };

  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className={primaryButton}>Add Consent</button>
      <dialog ref={dialog} onClose={onClose} aria-labelledby={`consent-${app.clientId}`} className="m-auto max-h-[90vh] w-full max-w-lg overflow-y-auto rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="p-6">
          <h2 id={`consent-${app.clientId}`} className="text-lg font-semibold text-slate-900">
            {installed ? `${app.name} is enabled for ${groupName}` : `Enable ${app.name} for ${groupName}?`}
          </h2>
          {installed ? (
            <p className="mt-2 text-sm text-slate-600">
              Members can now sign in to {app.name} and choose this group. {app.setupUrl ? "Finish the app's own setup to connect it." : ""}
            </p>
          ) : (
            <>
              <p className="mt-2 text-sm text-slate-600">The app will be allowed to do the following in this group, never more than each person&apos;s own role allows. Uncheck what it should never get here.</p>
              {error && <div className="mt-4"><FormAlert>{error}</FormAlert></div>}
              <ul className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200">
                {options.map((scope) => (
                  <li key={scope.id}>
                    <label className="flex items-start gap-3 px-3 py-2.5">
                      <input
                        type="checkbox"
                        className="mt-1 accent-brand-600"
                        checked={scope.id === REQUIRED_SCOPE || selected.includes(scope.id)}
                        disabled={scope.id === REQUIRED_SCOPE}
                        onChange={() => toggle(scope.id)}
                        aria-label={scope.label}
                      />
                      <span>
                        <span className="text-sm font-medium text-slate-900">{scope.label}</span>
                        <span className="block text-xs text-slate-600">{scope.description}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="mt-6 flex justify-end gap-3">
            {installed ? (
              <>
                <button type="button" onClick={close} className={secondaryButton}>Done</button>
                {app.setupUrl && <a href={app.setupUrl} className={primaryButton}>Continue setup</a>}
                {!app.setupUrl && callbackUrl && <a href={callbackUrl} className={primaryButton}>Open {app.name}</a>}
              </>
            ) : (
              <>
                <button type="button" onClick={close} className={secondaryButton}>Cancel</button>
                <button type="button" onClick={confirm} disabled={pending} className={primaryButton}>{pending ? "Adding…" : "Confirm consent"}</button>
              </>
            )}
          </div>
        </div>
      </dialog>
    </>
  );
}
