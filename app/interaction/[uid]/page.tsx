import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { findInteraction } from "@/lib/oidc/interaction-context";
import { describeConsent } from "@/lib/oidc/consent";
import { ConsentScreen } from "@/components/interaction/consent-screen";
import { InteractionFrame, NoEligibleGroup } from "@/components/interaction/frames";

export const metadata: Metadata = { title: "Authorize app" };

type Props = { params: Promise<{ uid: string }>; searchParams: Promise<{ error?: string }> };

// The login + consent step of an authorization request. Signing in reuses
// the Tessera session; consent shows the app, where it returns, what it may
// do, and lets the person pick the group it will act in.
export default async function InteractionPage({ params, searchParams }: Props) {
  const { uid } = await params;
  const { error } = await searchParams;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/interaction/${uid}`)}`);
  const details = await findInteraction(uid, (await headers()).get("cookie") ?? "");
  if (!details) {
    return (
      <InteractionFrame title="This sign-in request has expired">
        <p className="text-sm text-slate-600">Return to the app and start again. Requests expire after an hour, and can only be finished in the browser that started them.</p>
      </InteractionFrame>
    );
  }
  if (details.prompt.name === "login") redirect(`/interaction/${uid}/login`);

  const screen = await describeConsent(details, user.id);
  if (screen.groups.length === 0) return <NoEligibleGroup uid={uid} appName={screen.app.name} />;
  return <ConsentScreen uid={uid} screen={screen} user={{ name: user.name, email: user.email }} error={error} />;
}
