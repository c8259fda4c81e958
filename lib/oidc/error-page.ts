import type { KoaContextWithOIDC, ErrorOut } from "oidc-provider";

const escape = (value: unknown) =>
  String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const FRIENDLY: Record<string, string> = {
  invalid_request: "The app sent a request Tessera can't accept.",
  invalid_client: "Tessera doesn't know this app, or it is no longer active.",
  invalid_redirect_uri: "The app asked to send you to an address it has not registered.",
  unauthorized_client: "This app is not allowed to do that.",
  unsupported_response_type: "The app asked for a sign-in method Tessera doesn't offer.",
  invalid_scope: "The app asked for permissions Tessera doesn't know.",
  access_denied: "Access was denied.",
};

// Shown when an authorization request can't be answered by redirecting back
// to the app (unknown client, unregistered or near-miss redirect URI…): the
// browser stays on Tessera and is never sent anywhere unverified.
export async function renderProviderError(ctx: KoaContextWithOIDC, out: ErrorOut): Promise<void> {
  ctx.type = "html";
  ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sign-in error · Tessera</title><style>
body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f8fafc;color:#0f172a;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{max-width:28rem;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:1rem;box-shadow:0 1px 2px rgba(0,0,0,.05)}
h1{font-size:1.25rem;margin:0 0 .5rem}p{color:#475569;line-height:1.5}code{background:#f1f5f9;padding:.1rem .35rem;border-radius:.25rem;font-size:.85rem}
.brand{font-weight:600;color:#4f46e5;margin-bottom:1.5rem}</style></head><body><main>
<div class="brand">Tessera</div><h1>${escape(FRIENDLY[out.error] ?? "Something went wrong")}</h1>
<p>${escape(out.error_description)}</p><p>Error code: <code>${escape(out.error)}</code>. You can close this page and return to the app.</p>
</main></body></html>`;
}
