// Load over loopback HTTP against one target (a base URL), reusable by any
// bench module:
//  - runRequests: one independent request at a time per connection, built by
//    a request factory, driven by autocannon (N connections, keep-alive);
//  - runIterations: N concurrent loops of an async iteration that may make
//    several dependent requests (e.g. authorize → code → token), each
//    iteration timed as a whole and each named step on its own.
// Both return a LoadResult: completed count, failures, wall-clock seconds
// and per-request (or per-iteration) latencies in milliseconds.
import autocannon from "autocannon";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { summarize, type Summary } from "./stats";

export type HttpRequestSpec = { method: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };
// `path` is relative to the target's base URL ("/token/introspection").
export type RequestFactory = () => HttpRequestSpec;
export type HttpReply = { status: number; headers: http.IncomingHttpHeaders; body: string };

export type LoadResult = {
  count: number;
  failures: number;
  firstFailure?: string;
  seconds: number;
  latencies: number[];
  steps: Map<string, number[]>;
};

export type LoadOptions = {
  connections: number;
  durationMs: number;
  // A response that fails the check counts as a failure (status, body).
  check?: (reply: { status: number; body: string }) => string | null;
};

const joinPath = (baseUrl: string, path: string) => new URL(baseUrl).pathname.replace(/\/+$/, "") + path;

export function runRequests(baseUrl: string, factory: RequestFactory, options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { count: 0, failures: 0, seconds: 0, latencies: [], steps: new Map() };
  const fail = (reason: string) => {
    result.failures += 1;
    result.firstFailure ??= reason;
  };
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const instance = autocannon(
      {
        url: new URL(baseUrl).origin,
        connections: options.connections,
        duration: options.durationMs / 1000,
        timeout: 10,
        requests: [
          {
            setupRequest: () => {
              const spec = factory();
              return { method: spec.method, path: joinPath(baseUrl, spec.path), headers: spec.headers ?? {}, body: spec.body };
            },
            onResponse: (status, body) => {
              const problem = options.check ? options.check({ status, body }) : status >= 200 && status < 300 ? null : `HTTP ${status}`;
              if (problem) fail(problem);
            },
          },
        ],
      },
      (error) => {
        if (error) return reject(error);
        result.seconds = (performance.now() - start) / 1000;
        resolve(result);
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      result.count += 1;
      result.latencies.push(responseTime);
    });
    instance.on("reqError", (error: Error) => fail(`request error: ${error.message}`));
  });
}

// A keep-alive HTTP client bound to a target, for iterations.
export type TargetClient = {
  baseUrl: string;
  // Sends one request (path relative to the base URL, or absolute); with a
  // step name its latency is recorded under that name.
  send(spec: HttpRequestSpec, step?: string): Promise<HttpReply>;
};

export function targetClient(baseUrl: string, agent: http.Agent, steps?: Map<string, number[]>): TargetClient {
  const base = new URL(baseUrl);
  return {
    baseUrl,
    send(spec, step) {
      const url = /^https?:/.test(spec.path) ? new URL(spec.path) : new URL(joinPath(baseUrl, spec.path), base);
      const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
      const headers: Record<string, string> = { ...spec.headers, ...(body ? { "content-length": String(body.length) } : {}) };
      const start = performance.now();
      return new Promise<HttpReply>((resolve, reject) => {
        const request = http.request(
          { agent, host: url.hostname, port: url.port, method: spec.method, path: url.pathname + url.search, headers },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => {
              if (step && steps) {
                const list = steps.get(step) ?? [];
                list.push(performance.now() - start);
                steps.set(step, list);
              }
              resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") });
            });
            response.on("error", reject);
          },
        );
        request.setTimeout(10_000, () => request.destroy(new Error("timed out after 10 s")));
        request.on("error", reject);
        request.end(body);
      });
    },
  };
}

// `connections` loops, each running `iteration` back to back until the
// duration is over; an iteration that throws counts as a failure.
export async function runIterations(baseUrl: string, iteration: (client: TargetClient) => Promise<void>, options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { count: 0, failures: 0, seconds: 0, latencies: [], steps: new Map() };
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const client = targetClient(baseUrl, agent, result.steps);
  const start = performance.now();
  const deadline = start + options.durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      const began = performance.now();
      try {
        await iteration(client);
        result.count += 1;
        result.latencies.push(performance.now() - began);
      } catch (error) {
        result.failures += 1;
        result.firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, loop));
  } finally {
    agent.destroy();
  }
  result.seconds = (performance.now() - start) / 1000;
  return result;
}

// Several runs of one target (e.g. the two halves of an A-B-B-A schedule)
// as one: counts and seconds add up, latencies pool.
export function mergeResults(results: LoadResult[]): LoadResult {
  const steps = new Map<string, number[]>();
  for (const result of results) for (const [name, list] of result.steps) steps.set(name, [...(steps.get(name) ?? []), ...list]);
  return {
    count: results.reduce((sum, r) => sum + r.count, 0),
    failures: results.reduce((sum, r) => sum + r.failures, 0),
    firstFailure: results.find((r) => r.firstFailure)?.firstFailure,
    seconds: results.reduce((sum, r) => sum + r.seconds, 0),
    latencies: results.flatMap((r) => r.latencies),
    steps,
  };
}

export type Throughput = { perSecond: number; latency: Summary; count: number; failures: number };

export function throughput(result: LoadResult): Throughput {
  return { perSecond: result.count / result.seconds, latency: summarize(result.latencies), count: result.count, failures: result.failures };
}
