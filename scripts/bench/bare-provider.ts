// The baseline of the OAuth benchmark, run as a child process of its own
// (like Tessera's server, so neither shares the load generator's event loop):
// oidc-provider with its default in-memory adapter on a plain
// http.createServer(provider.callback()) on loopback.
//
// Its configuration is Tessera's own buildConfiguration() (same scopes,
// claims, PKCE rule, client auth methods, opaque tokens, introspection,
// revocation, resource indicators, TTLs, refresh-token rotation), with only
// what reaches Tessera's database replaced by in-memory equivalents:
//   adapter             → oidc-provider's MemoryAdapter (the default)
//   clients             → one static client_secret_basic client (plain secret)
//   client_credentials  → oidc-provider's own grant (features.clientCredentials)
//                         for Tessera's bot-token grant (registerBotTokenGrant,
//                         which also looks up the installation and records its
//                         use); the client may use it, as Tessera's
//                         confidential apps may
//   findAccount         → one in-memory account
//   issueRefreshToken / expiresWithSession → oidc-provider's defaults
//                         (offline_access in the code's scopes), which give
//                         the same answers for the benchmark's grant
//   extraTokenClaims    → a constant group_id (same token payload, no lookup)
//   renderError         → oidc-provider's default page
// Interactions (only used once, to create the session and grant the
// benchmark reuses) are answered automatically at /interaction/<uid>: login
// as the account, consent to every scope asked for.
//
// Input: BENCH_BARE_CLIENT (JSON: clientId, clientSecret, redirectUri,
// accountId, groupId). Output: an IPC message { port } once it listens.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Configuration, KoaContextWithOIDC } from "oidc-provider";
import { buildConfiguration } from "../../lib/oidc/configuration";

type BareClient = { clientId: string; clientSecret: string; redirectUri: string; accountId: string; groupId: string };

function signingKeys() {
  const jwk = (key: ReturnType<typeof generateKeyPairSync>["privateKey"], alg: string, kid: string) => ({ ...key.export({ format: "jwk" }), alg, kid, use: "sig" });
  return [
    jwk(generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey, "RS256", "bare-rs256"),
    jwk(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey, "ES256", "bare-es256"),
  ];
}

// Tessera's configuration with the database-backed parts swapped out.
export function bareConfiguration(client: BareClient, errors: { InvalidTarget: new (message: string) => Error }): Configuration {
  const tessera = buildConfiguration({ jwks: signingKeys() as never, cookieKeys: [randomBytes(32).toString("base64url")] }, errors);
  const { adapter: _adapter, renderError: _renderError, ...shared } = tessera;
  return {
    ...shared,
    features: { ...shared.features, clientCredentials: { enabled: true } },
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        token_endpoint_auth_method: "client_secret_basic",
        grant_types: ["authorization_code", "refresh_token", "client_credentials"],
        response_types: ["code"],
        redirect_uris: [client.redirectUri],
      },
    ],
    findAccount: async (_ctx: KoaContextWithOIDC, sub: string) =>
      sub === client.accountId
        ? { accountId: sub, claims: () => ({ sub, name: "Bench User", email: "bench@example.test", email_verified: true, group_id: client.groupId }) }
        : undefined,
    issueRefreshToken: async (_ctx, oidcClient, code) => oidcClient.grantTypeAllowed("refresh_token") && code.scopes.has("offline_access"),
    expiresWithSession: async (_ctx, code) => !code.scopes.has("offline_access"),
    extraTokenClaims: async () => ({ group_id: client.groupId }),
  };
}

async function main() {
  const client = JSON.parse(process.env.BENCH_BARE_CLIENT ?? "") as BareClient;
  const { default: Provider, errors } = await import("oidc-provider");
  let handle: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handle(req, res));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const provider = new Provider(`http://127.0.0.1:${port}`, bareConfiguration(client, errors));
  const callback = provider.callback();
  const interact = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === "login") {
      await provider.interactionFinished(req, res, { login: { accountId: client.accountId } }, { mergeWithLastSubmission: false });
      return;
    }
    const accountId = details.session?.accountId ?? client.accountId;
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    if (!grant) throw new Error("grant not found");
    const missing = (details.prompt.details.missingOIDCScope as string[] | undefined) ?? [];
    grant.addOIDCScope(missing.join(" "));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  };
  handle = (req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      interact(req, res).catch((error: Error) => res.writeHead(500).end(error.message));
      return;
    }
    callback(req, res);
  };
  process.send?.({ port });
  // Exit normally (so that --cpu-prof can write its profile).
  process.on("disconnect", () => process.exit(0));
  process.on("SIGTERM", () => process.exit(0));
}

if (process.env.BENCH_BARE_CLIENT) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
