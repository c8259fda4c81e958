// OAuth token endpoints over loopback HTTP, Tessera (production build,
// persistent SQLite database) against a bare oidc-provider (in-memory
// adapter, same configuration), both started here:
//  - introspection: POST /token/introspection (HTTP Basic, a valid opaque
//    access token from a pool) from 50 autocannon connections;
//  - authorization-code round trips with an existing session and grant:
//    GET /auth (PKCE S256) → 303 with a code → POST /token (verifier, Basic),
//    50 round trips in flight, each timed as a whole;
//  - client_credentials bot tokens: POST /token (HTTP Basic, no scope;
//    Tessera's with app_installation_id, its bot-token grant) from 50
//    autocannon connections.
// Each target runs A-B-B-A (bare, Tessera, Tessera, bare; half the time
// each) after a warm-up, so drift on a noisy machine falls on both alike.
// Targets: Tessera/bare ≥ 0.9 for introspections/s and bot tokens/s, ≥ 0.8
// for round trips/s, and Tessera's p99 ≤ 50 ms. Before the load, each target
// serves one request at a time (a correctness check, the introspection token
// pool, and the latency without queueing).
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { formatMs, log, timed, withTempDatabase, type BenchModule } from "./harness";
import { summarize } from "./stats";
import {
  mergeResults,
  runIterations,
  runRequests,
  targetClient,
  throughput,
  type HttpReply,
  type LoadResult,
  type RequestFactory,
  type TargetClient,
  type Throughput,
} from "./http-load";
import { authorizationCodeRoundTrip, basicAuth, buildIfStaleQuietly, clientCredentialsRequest, machineBusyCpuMs, processTreeCpuMs, startBare, startTessera, type OAuthTarget } from "./oauth-targets";

const CONNECTIONS = 50;
const WARMUP_MS = 2_000;
const MEASURE_MS = 10_000; // per target, as two halves (A-B-B-A)
const SEQUENTIAL = 200; // one-at-a-time requests per target before the load…
const SEQUENTIAL_MAX_MS = 20_000; // …or fewer, if that takes longer
const P99_TARGET_MS = 50;

type Scenario = {
  key: string;
  title: string;
  unit: string;
  ratioTarget: number;
  // One timed run against one target.
  run(target: OAuthTarget, durationMs: number): Promise<LoadResult>;
};

type Sequential = { roundTrip: number[]; introspection: number[]; botToken: number[] };

type Measured = { result: Throughput; cpuMsPerOp?: number; cpuUse: string; steps: Map<string, number[]>; firstFailure?: string };

const introspectionCheck = ({ status, body }: { status: number; body: string }) =>
  status !== 200 ? `HTTP ${status} ${body.slice(0, 120)}` : body.includes('"active":true') ? null : `inactive token: ${body.slice(0, 120)}`;

const botTokenCheck = ({ status, body }: { status: number; body: string }) =>
  status !== 200 ? `HTTP ${status} ${body.slice(0, 120)}` : body.includes('"access_token":"') ? null : `no access_token: ${body.slice(0, 120)}`;

// The first bot token a target issues, checked in full: a JSON Bearer
// token response whose access token introspects as active for the client.
async function checkFirstBotToken(client: TargetClient, target: OAuthTarget, reply: HttpReply): Promise<void> {
  const problem = botTokenCheck(reply);
  if (problem) throw new Error(`${target.label} client_credentials: ${problem}`);
  const token = JSON.parse(reply.body) as { access_token?: unknown; token_type?: unknown; expires_in?: unknown };
  if (typeof token.access_token !== "string" || !token.access_token || !/^bearer$/i.test(String(token.token_type)) || typeof token.expires_in !== "number") {
    throw new Error(`${target.label} client_credentials: not a Bearer token response: ${reply.body.slice(0, 200)}`);
  }
  const introspection = await client.send(introspectionRequests(target, [token.access_token])());
  const inactive = introspectionCheck(introspection);
  if (inactive) throw new Error(`${target.label} bot token introspection: ${inactive}`);
  const claims = JSON.parse(introspection.body) as { client_id?: string };
  if (claims.client_id !== target.clientId) throw new Error(`${target.label} bot token introspection: client_id ${claims.client_id}`);
}

// POST /token/introspection with HTTP Basic, cycling through a pool of
// valid access tokens.
function introspectionRequests(target: OAuthTarget, tokens: string[]): RequestFactory {
  let next = 0;
  const headers = { authorization: basicAuth(target), "content-type": "application/x-www-form-urlencoded" };
  return () => ({ method: "POST", path: "/token/introspection", headers, body: `token=${tokens[next++ % tokens.length]}&token_type_hint=access_token` });
}

export const oauthTokensBench: BenchModule = {
  name: "oauth",
  title: "OAuth token endpoints: Tessera vs bare oidc-provider (loopback HTTP)",
  run: () =>
    withTempDatabase(async () => {
      log(
        `oidc-provider ${version("oidc-provider")}, next ${version("next")}, autocannon ${version("autocannon")}; ` +
          `load generator: this process (1 event loop); servers: one child process each`,
      );
      log(`machine load before: ${os.loadavg().map((value) => value.toFixed(2)).join(" / ")} (1 / 5 / 15 min averages)`);
      await timed("production build", () => log(buildIfStaleQuietly()));
      const sectionStart = performance.now();
      const tessera = await timed("start Tessera (seed, next start, sign in + consent)", startTessera);
      let bare: OAuthTarget | undefined;
      try {
        bare = await timed("start bare oidc-provider (sign in + consent)", startBare);
        const targets = [bare, tessera];
        log(`session + grant: Tessera via completeLogin/confirmConsent from this process, bare via auto-answered interactions`);

        // One at a time: every round trip, introspection and bot token must
        // succeed; the round trips' tokens feed introspection.
        const pools = new Map<OAuthTarget, string[]>();
        const sequential = new Map<OAuthTarget, Sequential>();
        await timed(`${SEQUENTIAL} sequential round trips + introspections + bot tokens per target`, async () => {
          for (const target of targets) {
            const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
            const client = targetClient(target.baseUrl, agent);
            const tokens: string[] = [];
            const roundTrip: number[] = [];
            const introspection: number[] = [];
            const botToken: number[] = [];
            const introspect = introspectionRequests(target, tokens);
            try {
              const deadline = performance.now() + SEQUENTIAL_MAX_MS;
              for (let i = 0; i < SEQUENTIAL && performance.now() < deadline; i++) {
                let start = performance.now();
                tokens.push(await authorizationCodeRoundTrip(client, target));
                roundTrip.push(performance.now() - start);
                start = performance.now();
                const reply = await client.send(introspect());
                introspection.push(performance.now() - start);
                const problem = introspectionCheck(reply);
                if (problem) throw new Error(`${target.label} introspection: ${problem}`);
                start = performance.now();
                const bot = await client.send(clientCredentialsRequest(target));
                botToken.push(performance.now() - start);
                if (i === 0) await checkFirstBotToken(client, target, bot);
                const botProblem = botTokenCheck(bot);
                if (botProblem) throw new Error(`${target.label} client_credentials: ${botProblem}`);
              }
            } finally {
              agent.destroy();
            }
            if (tokens.length < 20) throw new Error(`${target.label}: only ${tokens.length} round trips in ${SEQUENTIAL_MAX_MS / 1000} s`);
            pools.set(target, tokens);
            sequential.set(target, { roundTrip, introspection, botToken });
          }
        });

        const scenarios: Scenario[] = [
          {
            key: "introspection",
            title: "introspection",
            unit: "introspections/s",
            ratioTarget: 0.9,
            run: (target, durationMs) =>
              runRequests(target.baseUrl, introspectionRequests(target, pools.get(target)!), { connections: CONNECTIONS, durationMs, check: introspectionCheck }),
          },
          {
            key: "round-trip",
            title: "authorization code round trip",
            unit: "round trips/s",
            ratioTarget: 0.8,
            run: (target, durationMs) =>
              runIterations(target.baseUrl, async (client) => void (await authorizationCodeRoundTrip(client, target)), { connections: CONNECTIONS, durationMs }),
          },
          // Last: the bare provider's in-memory adapter is an LRU of 1,000-2,000
          // entries, and tens of thousands of bot tokens evict its session and
          // grant (which the round trips need) and the introspection pool.
          // Issuing bot tokens reads nothing stored, so it is unaffected itself.
          {
            key: "bot-token",
            title: "client_credentials bot token",
            unit: "bot tokens/s",
            ratioTarget: 0.9,
            run: (target, durationMs) => {
              const request = clientCredentialsRequest(target);
              return runRequests(target.baseUrl, () => request, { connections: CONNECTIONS, durationMs, check: botTokenCheck });
            },
          },
        ];

        const measured = new Map<string, Map<OAuthTarget, Measured>>();
        for (const scenario of scenarios) {
          const byTarget = await timed(`${scenario.title}: warm-up ${WARMUP_MS / 1000} s + ${MEASURE_MS / 1000} s per target, ${CONNECTIONS} in flight`, () =>
            measureAbba(scenario, bare!, tessera),
          );
          measured.set(scenario.key, byTarget);
        }

        log("");
        printResults(scenarios, measured, sequential, bare, tessera);
        log("");
        log(`OAuth section (servers, sign-in, load; without the build): ${formatMs(performance.now() - sectionStart)}`);
      } finally {
        await bare?.close();
        await tessera.close();
      }
    }),
};

// Warm-up both, then bare, Tessera, Tessera, bare for half the time each.
async function measureAbba(scenario: Scenario, bare: OAuthTarget, tessera: OAuthTarget): Promise<Map<OAuthTarget, Measured>> {
  for (const target of [bare, tessera]) {
    const warm = await scenario.run(target, WARMUP_MS);
    if (warm.failures > 0) throw new Error(`${scenario.title}, ${target.label}: ${warm.failures} failures during warm-up (first: ${warm.firstFailure})`);
  }
  type Runs = { results: LoadResult[]; cpuMs: number; cpuKnown: boolean; generatorMs: number; otherMs: number; machineMs: number };
  const runs = new Map<OAuthTarget, Runs>([
    [bare, { results: [], cpuMs: 0, cpuKnown: true, generatorMs: 0, otherMs: 0, machineMs: 0 }],
    [tessera, { results: [], cpuMs: 0, cpuKnown: true, generatorMs: 0, otherMs: 0, machineMs: 0 }],
  ]);
  for (const target of [bare, tessera, tessera, bare]) {
    const other = target === bare ? tessera : bare;
    await settle();
    const before = processTreeCpuMs(target.pid);
    const otherBefore = processTreeCpuMs(other.pid) ?? 0;
    const machineBefore = machineBusyCpuMs() ?? 0;
    const generatorBefore = process.cpuUsage();
    const result = await scenario.run(target, MEASURE_MS / 2);
    const generator = process.cpuUsage(generatorBefore);
    const machine = (machineBusyCpuMs() ?? 0) - machineBefore;
    const after = processTreeCpuMs(target.pid);
    const entry = runs.get(target)!;
    entry.results.push(result);
    entry.generatorMs += (generator.user + generator.system) / 1000;
    const otherServer = (processTreeCpuMs(other.pid) ?? 0) - otherBefore;
    entry.otherMs += otherServer;
    if (before === undefined || after === undefined) entry.cpuKnown = false;
    else entry.cpuMs += after - before;
    entry.machineMs += Math.max(0, machine - (after ?? 0) + (before ?? 0) - (generator.user + generator.system) / 1000 - otherServer);
  }
  const byTarget = new Map<OAuthTarget, Measured>();
  for (const [target, entry] of runs) {
    const merged = mergeResults(entry.results);
    const share = (ms: number) => `${Math.round((ms / 1000 / merged.seconds) * 100)}%`;
    byTarget.set(target, {
      result: throughput(merged),
      cpuMsPerOp: entry.cpuKnown && merged.count > 0 ? entry.cpuMs / merged.count : undefined,
      cpuUse:
        `server ${entry.cpuKnown ? share(entry.cpuMs) : "?"}, load generator ${share(entry.generatorMs)}, idle server ${share(entry.otherMs)}, ` +
        `other processes (and steal) ${share(entry.machineMs)}`,
      steps: merged.steps,
      firstFailure: merged.firstFailure,
    });
  }
  return byTarget;
}

// Lets the previous run's connections close and the servers go idle.
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

function printResults(
  scenarios: Scenario[],
  measured: Map<string, Map<OAuthTarget, Measured>>,
  sequential: Map<OAuthTarget, Sequential>,
  bare: OAuthTarget,
  tessera: OAuthTarget,
) {
  const header = ["scenario", "target", "in flight", "n", "per second", "median ms", "p99 ms", "server CPU ms/op", "fail", "Tessera/bare", "verdict"];
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const scenario of scenarios) {
    const byTarget = measured.get(scenario.key)!;
    const b = byTarget.get(bare)!;
    const t = byTarget.get(tessera)!;
    const ratio = t.result.perSecond / b.result.perSecond;
    const ratioOk = ratio >= scenario.ratioTarget;
    const p99Ok = t.result.latency.p99 <= P99_TARGET_MS;
    const valid = t.result.failures === 0 && b.result.failures === 0;
    for (const [target, m] of [
      [bare, b],
      [tessera, t],
    ] as const) {
      const isTessera = target === tessera;
      rows.push([
        scenario.title,
        target.label,
        String(CONNECTIONS),
        String(m.result.count),
        m.result.perSecond.toFixed(1),
        m.result.latency.median.toFixed(2),
        m.result.latency.p99.toFixed(2),
        m.cpuMsPerOp === undefined ? "?" : m.cpuMsPerOp.toFixed(3),
        String(m.result.failures),
        isTessera ? ratio.toFixed(2) : "",
        isTessera ? `ratio ${ratioOk ? "PASS" : "FAIL"} (≥ ${scenario.ratioTarget}), p99 ${p99Ok ? "PASS" : "FAIL"} (≤ ${P99_TARGET_MS} ms)${valid ? "" : ", INVALID (failures)"}` : "",
      ]);
      for (const [step, durations] of m.steps) {
        const s = summarize(durations);
        rows.push([`  step ${step}`, target.label, "", String(durations.length), "", s.median.toFixed(2), s.p99.toFixed(2), "", "", "", ""]);
      }
    }
    verdicts.push(
      `${scenario.unit}: Tessera ${t.result.perSecond.toFixed(0)} vs bare ${b.result.perSecond.toFixed(0)} → ${ratio.toFixed(2)} ` +
        `(target ≥ ${scenario.ratioTarget}: ${ratioOk ? "PASS" : "FAIL"}); Tessera p99 ${t.result.latency.p99.toFixed(1)} ms (≤ ${P99_TARGET_MS}: ${p99Ok ? "PASS" : "FAIL"})` +
        (valid ? "" : ` — INVALID: failures (Tessera: ${t.firstFailure ?? "none"}; bare: ${b.firstFailure ?? "none"})`),
    );
  }
  for (const [label, pick] of [
    ["introspection", (s: Sequential) => s.introspection],
    ["authorization code round trip", (s: Sequential) => s.roundTrip],
    ["client_credentials bot token", (s: Sequential) => s.botToken],
  ] as const) {
    for (const target of [bare, tessera]) {
      const s = summarize(pick(sequential.get(target)!));
      rows.push([label, target.label, "1", String(s.count), (1000 / s.mean).toFixed(1), s.median.toFixed(2), s.p99.toFixed(2), "", "0", "", ""]);
    }
  }

  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((cells) => cells[i].length)));
  const numeric = new Set([2, 3, 4, 5, 6, 7, 8, 9]);
  const format = (cells: string[]) => cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("  ").trimEnd();
  log(format(header));
  log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const cells of rows) log(format(cells));
  log("");
  log("per second = completed operations / wall-clock seconds (a round trip = authorize + token); latency per operation;");
  log("server CPU ms/op = the server process tree's user+system CPU time per completed operation (from /proc);");
  log("in flight 1 = one request at a time, no queueing (the tokens those round trips minted are the introspection pool);");
  log(`p99 under load is bounded below by the mean, ${CONNECTIONS} in flight / throughput (Little's law): p99 ≤ ${P99_TARGET_MS} ms needs > ${Math.round((CONNECTIONS * 1000) / P99_TARGET_MS)} operations/s.`);
  for (const scenario of scenarios) {
    for (const target of [bare, tessera]) log(`CPU (% of one core) during ${scenario.title}, ${target.label}: ${measured.get(scenario.key)!.get(target)!.cpuUse}`);
  }
  for (const line of verdicts) log(line);
}

function version(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(process.cwd(), "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}
