import { Wordmark } from "@/components/logo";
import { secondaryButton } from "@/components/form/field";

// The centred card every step of an authorization request is shown in.
export function InteractionFrame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-10">
      <div className="w-full max-w-lg">
        <div className="mb-6 flex justify-center"><Wordmark /></div>
        <div className="rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
          <div className="mt-3">{children}</div>
        </div>
      </div>
    </main>
  );
}

// The app is not installed in any of the person's groups: nothing to pick.
export function NoEligibleGroup({ uid, appName }: { uid: string; appName: string }) {
  return (
    <InteractionFrame title={`${appName} isn't enabled for your groups yet`}>
      <p className="text-sm text-slate-600">
        An app can act only in a group where an admin has added consent for it. Ask an admin of your group to open
        <strong> Settings → Apps</strong>, find {appName} in Browse App Registrations and select <strong>Add Consent</strong>. Then try again.
      </p>
      <form method="post" action={`/interaction/${uid}/abort`} className="mt-6 flex justify-end">
        <button type="submit" className={secondaryButton}>Return to the app</button>
      </form>
    </InteractionFrame>
  );
}
