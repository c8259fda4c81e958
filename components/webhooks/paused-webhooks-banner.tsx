import Link from "next/link";
import type { PausedWebhook } from "@/lib/webhooks/queries";

// Shown to a group's admins on every page of the group while deliveries to
// one of its apps (registered or installed here) are paused.
export function PausedWebhooksBanner({ groupSlug, paused }: { groupSlug: string; paused: PausedWebhook[] }) {
  if (paused.length === 0) return null;
  return (
    <div role="alert" data-testid="paused-webhooks" className="mb-6 space-y-1 rounded-lg border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900">
      {paused.map((webhook) => (
        <p key={webhook.clientId}>
          <strong>Webhook deliveries to {webhook.appName} are paused:</strong> {webhook.reason}.{" "}
          {webhook.ownedHere ? (
            <>
              Re-enable in the{" "}
              <Link href={`/g/${groupSlug}/settings/apps/${webhook.clientId}#webhook`} className="font-medium underline">
                app&apos;s settings
              </Link>
              .
            </>
          ) : (
            <>
              The app&apos;s developers re-enable them in the app&apos;s settings; events are kept until then.
              {webhook.installationId && (
                <>
                  {" "}
                  <Link href={`/g/${groupSlug}/settings/apps/installations/${webhook.installationId}`} className="font-medium underline">
                    View the installation
                  </Link>
                  .
                </>
              )}
            </>
          )}
        </p>
      ))}
    </div>
  );
}
