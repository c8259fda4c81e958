import http from "node:http";
import https from "node:https";
import { createGuardedLookup, checkWebhookTarget } from "./url-guard";
import type { Resolver } from "./settings";

// One POST of a signed body: no redirects followed, one deadline for the
// whole exchange, at most the first KB of the answer kept, and every
// connection made through the SSRF-guarded lookup.

export type PostResult = { statusCode: number | null; snippet: string; error: string | null; location: string | null };

type PostOptions = { timeoutMs: number; resolve: Resolver; allowLoopback: boolean };

const SNIPPET_BYTES = 1024;

// Kept-alive connections per host; each was opened through the guard.
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 16 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 16 }),
};

export function postWebhook(target: string, headers: Record<string, string>, body: string, options: PostOptions): Promise<PostResult> {
  const problem = checkWebhookTarget(target, options.allowLoopback);
  if (problem) return Promise.resolve({ statusCode: null, snippet: "", error: problem, location: null });
  const url = new URL(target);
  const transport = url.protocol === "https:" ? https : http;
  const payload = Buffer.from(body, "utf8");

  return new Promise((resolve) => {
    let settled = false;
    let request: http.ClientRequest | undefined;
    let statusCode: number | null = null;
    let location: string | null = null;
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      const snippet = Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString("utf8");
      resolve({ statusCode, snippet, error, location });
    };
    const deadline = setTimeout(() => {
      // An answer already started counts; a silent receiver is a timeout.
      finish(statusCode === null ? `Timed out after ${options.timeoutMs / 1000} s` : null);
      request?.destroy();
    }, options.timeoutMs);

    const send = (agent: http.Agent | false) => {
      try {
        request = transport.request(url, {
          method: "POST",
          agent,
          headers: { ...headers, "content-length": String(payload.length) },
          lookup: createGuardedLookup({ resolve: options.resolve, allowLoopback: options.allowLoopback }),
        });
      } catch (error) {
        // Invalid header values and the like: nothing was sent.
        return finish(error instanceof Error ? error.message : String(error));
      }
      const current = request;
      current.on("response", (response) => {
        statusCode = response.statusCode ?? null;
        const header = response.headers.location;
        location = typeof header === "string" ? header : null;
        response.on("data", (chunk: Buffer) => {
          if (size < SNIPPET_BYTES) chunks.push(chunk);
          size += chunk.length;
          if (size >= SNIPPET_BYTES) {
            finish(null);
            response.destroy();
          }
        });
        response.on("end", () => finish(null));
        response.on("error", () => finish(null));
        response.on("close", () => finish(null));
      });
      current.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the receiver had just closed: once more on a new one.
        if (agent && current.reusedSocket && statusCode === null && (error.code === "ECONNRESET" || error.code === "EPIPE")) return send(false);
        finish(statusCode === null ? error.message : null);
      });
      current.end(payload);
    };
    send(agents[url.protocol as keyof typeof agents]);
  });
}
