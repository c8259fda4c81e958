import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { getOrigin } from "@/lib/config";

type NodePair = { req: IncomingMessage; res: ServerResponse; done: Promise<Response> };

// Builds the Node request/response pair oidc-provider (a Koa app) expects from
// a Web Request, and the Web Response from what it wrote. `url` is the path
// below the mount point, `originalUrl` the full path: oidc-provider derives
// its mount path from the difference. Host and protocol come from the
// configured origin, never from the caller's Host or X-Forwarded-* headers.
export function toNodeRequest(request: Request, body: Buffer, mountPath: string, pathname: string): NodePair {
  const url = new URL(request.url);
  const origin = new URL(getOrigin());
  const req = new IncomingMessage(new Socket());
  req.method = request.method;
  req.url = (pathname.slice(mountPath.length) || "/") + url.search;
  (req as IncomingMessage & { originalUrl: string }).originalUrl = pathname + url.search;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    if (!key.startsWith("x-forwarded-") || key === "x-forwarded-for") headers[key] = value;
  });
  Object.assign(headers, { host: origin.host, "x-forwarded-proto": origin.protocol.replace(":", ""), "content-length": String(body.length) });
  req.headers = headers;
  req.push(body);
  req.push(null);

  const res = new ServerResponse(req);
  const chunks: Buffer[] = [];
  const done = new Promise<Response>((resolve) => {
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
      }
    };
    res.write = ((chunk: unknown, encoding?: unknown) => (collect(chunk, encoding), true)) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown) => {
      collect(chunk, encoding);
      resolve(toWebResponse(res, Buffer.concat(chunks)));
      return res;
    }) as typeof res.end;
  });
  return { req, res, done };
}

function toWebResponse(res: ServerResponse, body: Buffer): Response {
  const headers = new Headers();
  for (const [key, value] of Object.entries(res.getHeaders())) {
    if (value === undefined || key === "content-length") continue;
    for (const item of Array.isArray(value) ? value : [String(value)]) headers.append(key, item);
  }
  const empty = res.statusCode === 204 || res.statusCode === 304;
  return new Response(empty ? null : new Uint8Array(body), { status: res.statusCode, headers });
}
