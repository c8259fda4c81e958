import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "./oidc-harness";

// A real HTTP server on loopback in front of the in-process routes, for
// clients that insist on their own HTTP stack (the Plane SDK uses axios).
export async function startTestServer(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
    const body = chunks.length && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
    try {
      const response = await serve(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body }));
      const out: Record<string, string | string[]> = {};
      response.headers.forEach((value, key) => (out[key] = key === "set-cookie" ? response.headers.getSetCookie() : value));
      res.writeHead(response.status, out);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
