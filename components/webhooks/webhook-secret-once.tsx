import { SecretValue } from "@/components/secret-value";

// A webhook signing secret right after it was made: the only time it is shown.
export function WebhookSecretOnce({ secret, label = "Webhook signing secret", testId = "webhook-secret" }: { secret: string; label?: string; testId?: string }) {
  return (
    <div className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-4">
      <SecretValue label={label} value={secret} testId={testId} />
      <p role="alert" className="text-sm text-amber-900">
        <strong>Copy the signing secret now.</strong> It won&apos;t be shown again. Your webhook endpoint uses it to check the{" "}
        <code className="font-mono text-xs">X-Plane-Signature</code> and <code className="font-mono text-xs">webhook-signature</code> headers of
        every delivery. If you lose it, regenerate it from the app&apos;s Webhook settings.
      </p>
    </div>
  );
}
