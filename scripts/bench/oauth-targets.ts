// The two authorization servers the OAuth benchmark compares, each a child
// process serving loopback HTTP, each with one confidential client
// (client_secret_basic) and one browser session holding a grant for it:
//  - Tessera: the production build (`next start`) on the benchmark's
//    temporary database, seeded here through the data layer (group, member,
//    app, Add Consent); the member's login and consent go through the same
//    functions Tessera's interaction routes call (completeLogin,
//    confirmConsent), from this process: the provider's interaction, session
//    and grant state lives in SQLite, shared with the server.
//  - bare: oidc-provider with its in-memory adapter (bare-provider.ts).
import { spawn, spawnSync, fork, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { hashBuildInputs, isBuildCurrent, stampBuild } from "../lib/build-stamp";
import { targetClient, type TargetClient } from "./http-load";
import { formatMs, log } from "./harness";

export type OAuthTarget = {
  label: string;
  // Where the provider's endpoints are mounted ("<origin>/oidc" for Tessera).
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
  // The Cookie header a browser with a live session (and a grant for the
  // client) sends to the authorization endpoint.
  sessionCookie: string;
  // Tessera only: the app's installation in the bench group, named by
  // app_installation_id in client_credentials bot-token requests (the bare
  // provider's client_credentials grant has no such parameter).
  installationId?: string;
  // The server's process (its CPU time is read from /proc).
  pid: number;
  close(): Promise<void>;
};

export const REDIRECT_URI = "https://bench-app.example.com/callback";
export const SCOPE = "openid profile email";

export const basicAuth = (target: Pick<OAuthTarget, "clientId" | "clientSecret">) => {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${encode(target.clientId)}:${encode(target.clientSecret)}`).toString("base64")}`;
};

// One authorization-code round trip with an existing session and grant:
// GET /auth (PKCE S256) → 303 to the redirect URI with a code → POST /token
// with the verifier and HTTP Basic. Returns the access token.
export async function authorizationCodeRoundTrip(client: TargetClient, target: OAuthTarget): Promise<string> {
  const verifier = randomBytes(32).toString("base64url");
  const state = randomBytes(12).toString("base64url");
  const query = new URLSearchParams({
    client_id: target.clientId,
    redirect_uri: target.redirectUri,
    response_type: "code",
    scope: target.scope,
    state,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  });
  const authorize = await client.send({ method: "GET", path: `/auth?${query}`, headers: { cookie: target.sessionCookie } }, "authorize");
  const location = authorize.headers.location;
  if (authorize.status !== 303 && authorize.status !== 302) throw new Error(`authorize: HTTP ${authorize.status} ${authorize.body.slice(0, 200)}`);
  if (!location?.startsWith(target.redirectUri)) throw new Error(`authorize redirected to ${location} instead of the app`);
  const callback = new URL(location);
  const code = callback.searchParams.get("code");
  if (!code || callback.searchParams.get("state") !== state) throw new Error(`authorize: no code or wrong state in ${location}`);
  const form = new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: target.redirectUri, code_verifier: verifier });
  const token = await client.send(
    { method: "POST", path: "/token", headers: { authorization: basicAuth(target), "content-type": "application/x-www-form-urlencoded" }, body: form.toString() },
    "token",
  );
  if (token.status !== 200) throw new Error(`token: HTTP ${token.status} ${token.body.slice(0, 200)}`);
  const accessToken = (JSON.parse(token.body) as { access_token?: string }).access_token;
  if (!accessToken) throw new Error("token: no access_token");
  return accessToken;
}

// client_credentials bot-token request (POST /token, HTTP Basic, no scope
// on either target: Tessera then grants the installation's consented API
// scopes, none for the bench app, and the bare provider none either).
export function clientCredentialsRequest(target: Pick<OAuthTarget, "clientId" | "clientSecret" | "installationId">) {
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  if (target.installationId) form.set("app_installation_id", target.installationId);
  return {
    method: "POST" as const,
    path: "/token",
    headers: { authorization: basicAuth(target), "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  };
}

// A minimal cookie jar (names only: the benchmark talks to one host).
class CookieJar {
  readonly cookies = new Map<string, string>();
  store(setCookie: string[] | undefined) {
    for (const line of setCookie ?? []) {
      const [pair, ...attributes] = line.split(";");
      const [name, ...rest] = pair.split("=");
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /^max-age=0$/i.test(a.trim()));
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), rest.join("="));
    }
  }
  header(filter: (name: string) => boolean = () => true) {
    return [...this.cookies].filter(([name]) => filter(name)).map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

// Runs one authorization request in a cookie-jar browser, letting
// `interact` answer each interaction (returns the URL to continue at),
// until the server redirects to the app. Returns the browser's session
// cookies (what it would send to the authorization endpoint later).
async function signInOnce(client: TargetClient, target: Omit<OAuthTarget, "sessionCookie" | "close" | "pid">, interact: (url: URL, jar: CookieJar) => Promise<string>) {
  const jar = new CookieJar();
  const query = new URLSearchParams({ client_id: target.clientId, redirect_uri: target.redirectUri, response_type: "code", scope: target.scope, state: "setup" });
  let next = new URL(`${target.baseUrl}/auth?${query}`);
  for (let hops = 0; hops < 12; hops++) {
    if (next.href.startsWith(target.redirectUri)) {
      if (!next.searchParams.get("code")) throw new Error(`sign-in ended without a code: ${next.href}`);
      return jar.header((name) => name.startsWith("_session"));
    }
    if (next.pathname.startsWith("/interaction/")) {
      next = new URL(await interact(next, jar), next);
      continue;
    }
    const reply = await client.send({ method: "GET", path: next.href, headers: { cookie: jar.header() } });
    jar.store(reply.headers["set-cookie"]);
    if (reply.status < 300 || reply.status >= 400 || !reply.headers.location) throw new Error(`sign-in: ${next.pathname} answered HTTP ${reply.status} ${reply.body.slice(0, 300)}`);
    next = new URL(reply.headers.location, next);
  }
  throw new Error("sign-in: too many redirects");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const request = http.get(url, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      });
      request.setTimeout(5000, () => request.destroy());
      request.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server not ready after ${timeoutMs / 1000} s:\n${output()}`);
}

// Stops a child (and, for a process group leader, its group) and waits.
async function stopChild(child: ChildProcess, group: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      if (group) process.kill(-child.pid!, name);
      else child.kill(name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

function tail(chunks: string[]): string {
  return chunks.join("").split("\n").slice(-40).join("\n");
}

export async function startBare(): Promise<OAuthTarget> {
  const client = {
    clientId: `bench-${randomBytes(8).toString("hex")}`,
    clientSecret: `tsk_${randomBytes(32).toString("base64url")}`,
    redirectUri: REDIRECT_URI,
    accountId: "bench-account",
    groupId: "bench-group",
  };
  const output: string[] = [];
  const child = fork(path.join(__dirname, "bare-provider.ts"), [], {
    execArgv: ["--import", "tsx", ...cpuProfileArgs("bare")],
    env: { ...process.env, BENCH_BARE_CLIENT: JSON.stringify(client), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const close = () => stopChild(child, false);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bare provider did not start in 30 s:\n${tail(output)}`)), 30_000);
      child.once("message", (message: { port: number }) => (clearTimeout(timer), resolve(message.port)));
      child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`bare provider exited (${code}):\n${tail(output)}`))));
    });
    const base = { label: "bare oidc-provider", baseUrl: `http://127.0.0.1:${port}`, ...client, scope: SCOPE };
    const agent = new http.Agent({ keepAlive: true });
    try {
      const browser = targetClient(base.baseUrl, agent);
      // Interactions answer themselves: just follow them.
      const sessionCookie = await signInOnce(browser, base, async (url, jar) => {
        const reply = await browser.send({ method: "GET", path: url.href, headers: { cookie: jar.header() } });
        jar.store(reply.headers["set-cookie"]);
        if (!reply.headers.location) throw new Error(`interaction: HTTP ${reply.status} ${reply.body.slice(0, 300)}`);
        return reply.headers.location;
      });
      return { ...base, sessionCookie, pid: child.pid!, close };
    } finally {
      agent.destroy();
    }
  } catch (error) {
    await close();
    throw error;
  }
}

// `npm run build`'s step (scripts/lib/prepare.ts buildIfStale), with Next's
// output shown only when the build fails. Run it before startTessera().
export function buildIfStaleQuietly(env: NodeJS.ProcessEnv = process.env): string {
  if (isBuildCurrent()) return "production build is current";
  const hash = hashBuildInputs();
  const start = performance.now();
  const result = spawnSync(path.join(process.cwd(), "node_modules", ".bin", "next"), ["build"], { env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8", timeout: 300_000 });
  if (result.status !== 0) throw new Error(`next build failed (${result.status ?? result.signal}):\n${(result.stdout + result.stderr).split("\n").slice(-40).join("\n")}`);
  stampBuild(hash);
  return `built for production in ${formatMs(performance.now() - start)} (sources changed since the last build)`;
}

// Tessera's production server (an existing build: see buildIfStaleQuietly)
// on the current temporary database (DATABASE_URL set by withTempDatabase). Sets TESSERA_ORIGIN/NEXTAUTH_URL in this process
// too (the provider it opens for the interactions must have the same issuer);
// close() restores them.
export async function startTessera(): Promise<OAuthTarget> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const saved = { TESSERA_ORIGIN: process.env.TESSERA_ORIGIN, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
  process.env.TESSERA_ORIGIN = origin;
  process.env.NEXTAUTH_URL = origin;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
  const restoreEnv = () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };

  let child: ChildProcess | undefined;
  const cleanups: Array<() => Promise<void> | void> = [];
  const close = async () => {
    if (child) await stopChild(child, true);
    for (const cleanup of cleanups.reverse()) await cleanup();
    restoreEnv();
  };
  try {
    const { systemActor } = await import("../../lib/auth/actor");
    const { createApp } = await import("../../lib/apps/mutations");
    const { addConsent } = await import("../../lib/consent/mutations");
    const { validRegistration } = await import("../../lib/testing/app-factories");
    const { createOrganization, createGroup, createUser } = await import("../../lib/testing/factories");
    const organization = await createOrganization("Bench");
    const group = await createGroup(organization.id, "Bench");
    const user = await createUser([[group.id, "MEMBER"]]);
    const { app, clientSecret } = await createApp(
      systemActor("bench"),
      group.slug,
      validRegistration({ name: "Bench App", clientType: "CONFIDENTIAL", redirectUris: [{ uri: REDIRECT_URI }], scopes: ["openid", "profile", "email"] }),
    );
    if (!clientSecret) throw new Error("createApp returned no secret");
    const { installationId } = await addConsent(systemActor("bench"), group.slug, { clientId: app.clientId });

    const output: string[] = [];
    // node_modules/.bin/next run by this Node binary (so that --cpu-prof,
    // which NODE_OPTIONS refuses, can be passed).
    const nextCli = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
    child = spawn(process.execPath, [...cpuProfileArgs("tessera"), nextCli, "start", "-p", String(port), "-H", "127.0.0.1"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, stopped as a whole
    });
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    const started = performance.now();
    await waitFor(`${origin}/oidc/.well-known/openid-configuration`, child, () => tail(output), 60_000);
    log(`next start on ${origin}: ready in ${formatMs(performance.now() - started)}`);

    // The provider in this process reads the server's keys from the database
    // (the first discovery request above created them).
    const { findInteraction } = await import("../../lib/oidc/interaction-context");
    const { completeLogin, confirmConsent } = await import("../../lib/oidc/consent");
    const { closeOidcSqlite } = await import("../../lib/oidc/sqlite");
    const { resetProvider } = await import("../../lib/oidc/provider");
    cleanups.push(() => {
      resetProvider();
      closeOidcSqlite();
    });
    const base = { label: "Tessera", baseUrl: `${origin}/oidc`, clientId: app.clientId, clientSecret, redirectUri: REDIRECT_URI, scope: SCOPE, installationId };
    const agent = new http.Agent({ keepAlive: true });
    try {
      const browser = targetClient(base.baseUrl, agent);
      const sessionCookie = await signInOnce(browser, base, async (url, jar) => {
        const uid = decodeURIComponent(url.pathname.split("/")[2] ?? "");
        const details = await findInteraction(uid, jar.header());
        if (!details) throw new Error(`interaction ${uid} not found from the benchmark process`);
        if (details.prompt.name === "login") return completeLogin(details, jar.header(), user.id);
        return confirmConsent(details, jar.header(), user.id, { groupId: group.id, scopes: SCOPE.split(" ") });
      });
      return { ...base, sessionCookie, pid: child.pid!, close };
    } finally {
      agent.destroy();
    }
  } catch (error) {
    await close();
    throw error;
  }
}

// BENCH_CPU_PROF=<dir>: the servers write V8 CPU profiles to <dir>/<name>
// when they stop (for finding where the time goes; off by default).
function cpuProfileArgs(name: string): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return [];
  const target = path.resolve(dir, name);
  fs.mkdirSync(target, { recursive: true });
  return ["--cpu-prof", `--cpu-prof-dir=${target}`];
}

// CPU time (user + system, ms) of a process and its descendants, from /proc
// (Linux only; undefined elsewhere).
let clockTicks: number | undefined;

// Busy CPU time of the whole machine (all cores, ms), from /proc/stat:
// compared with what the benchmark's own processes used, it shows how much
// other work ran during a measurement.
export function machineBusyCpuMs(): number | undefined {
  try {
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    // user, nice, system, idle, iowait, irq, softirq, steal: interrupts are
    // left out (loopback networking runs there, for the benchmark itself).
    const [user, nice, system, , , , , steal] = fields;
    clockTicks ??= Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
    return ((user + nice + system + (steal ?? 0)) / clockTicks) * 1000;
  } catch {
    return undefined;
  }
}
export function processTreeCpuMs(pid: number): number | undefined {
  try {
    clockTicks ??= Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
    const ticks = clockTicks;
    const stats = new Map<number, { ppid: number; cpu: number }>();
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const text = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
        stats.set(Number(entry), { ppid: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) });
      } catch {
        // exited meanwhile
      }
    }
    if (!stats.has(pid)) return undefined;
    let total = 0;
    const visit = (id: number) => {
      total += stats.get(id)?.cpu ?? 0;
      for (const [child, stat] of stats) if (stat.ppid === id) visit(child);
    };
    visit(pid);
    return (total / ticks) * 1000;
  } catch {
    return undefined;
  }
}
