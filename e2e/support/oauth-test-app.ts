import http from "node:http";
import type { AddressInfo } from "node:net";
import * as oauth from "oauth4webapi";

// A tiny third-party app for browser tests: it starts the authorization code
// flow with PKCE, exchanges the code server-side, then calls the Tessera API
// and shows what it got. It knows Tessera only by its issuer URL.
export type TestApp = { origin: string; redirectUri: string; configure: (client: { clientId: string; clientSecret: string | null }) => void; close: () => Promise<void> };

export async function startTestApp(issuer: string): Promise<TestApp> {
  const pending = new Map<string, string>();
  let client: { clientId: string; clientSecret: string | null } | undefined;
  const options = { [oauth.allowInsecureRequests]: true };
  let as: oauth.AuthorizationServer | undefined;
  const discover = async () => (as ??= await oauth.processDiscoveryResponse(new URL(issuer), await oauth.discoveryRequest(new URL(issuer), options)));

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", origin);
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8", ...headers });
      res.end(`<!doctype html><html><body>${body}</body></html>`);
    };
    try {
      const server = await discover();
      if (url.pathname === "/start" && client) {
        const verifier = oauth.generateRandomCodeVerifier();
        const state = oauth.generateRandomState();
        pending.set(state, verifier);
        const target = new URL(server.authorization_endpoint!);
        const params = { client_id: client.clientId, redirect_uri: `${origin}/callback`, response_type: "code", scope: "openid profile group:read projects:read", state, code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256" };
        for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
        return send(302, "", { location: target.toString() });
      }
      if (url.pathname === "/callback" && client) {
        const oauthClient: oauth.Client = { client_id: client.clientId };
        const state = url.searchParams.get("state") ?? "";
        const error = url.searchParams.get("error");
        if (error) return send(200, `<h1>Not connected</h1><p id="error">${error}</p>`);
        const params = oauth.validateAuthResponse(server, oauthClient, url, state);
        const auth = client.clientSecret ? oauth.ClientSecretPost(client.clientSecret) : oauth.None();
        const response = await oauth.authorizationCodeGrantRequest(server, oauthClient, auth, params, `${origin}/callback`, pending.get(state)!, options);
        const tokens = await oauth.processAuthorizationCodeResponse(server, oauthClient, response);
        const api = new URL("/api/v1", issuer).toString();
        const call = (path: string) => fetch(`${api}${path}`, { headers: { authorization: `Bearer ${tokens.access_token}` } }).then((r) => r.json());
        const [group, projects] = await Promise.all([call("/group"), call("/projects")]);
        const names = ((projects.data ?? projects) as { name: string }[]).map((p) => `<li>${p.name}</li>`).join("");
        return send(200, `<h1>Connected to <span id="group">${group.name}</span></h1><ul id="projects">${names}</ul>`);
      }
      send(404, "not found");
    } catch (cause) {
      send(500, `<pre id="failure">${String(cause)}</pre>`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    redirectUri: `${origin}/callback`,
    configure: (value) => (client = value),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
