import http from "node:http";
import type { AddressInfo } from "node:net";

// A real webhook receiver on loopback for tests and the benchmark: keeps
// every request's exact bytes, answers as `respond` says.

export type ReceivedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: Buffer; receivedAt: number };
export type Answer = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number; hang?: boolean };
export type Respond = (request: ReceivedRequest, index: number) => Answer | Promise<Answer>;

export type Receiver = {
  url: string;
  port: number;
  received: ReceivedRequest[];
  // TCP connections accepted, to prove something was never contacted.
  connections: () => number;
  // Resolves when `count` requests have arrived.
  waitFor: (count: number, timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
};

export async function startReceiver(respond: Respond = () => ({ status: 200 }), path = "/hooks/tessera"): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let connections = 0;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: ReceivedRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks), receivedAt: Date.now() };
    const index = received.push(request) - 1;
    for (const waiter of [...waiters]) if (received.length >= waiter.count) waiter.resolve();
    const answer = await respond(request, index);
    if (answer.hang) return; // never answers (the sender's deadline, or a crash, ends it)
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (res.destroyed) return;
    res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
    res.end(answer.body ?? "ok");
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    port,
    received,
    connections: () => connections,
    waitFor: (count, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        if (received.length >= count) return resolve();
        const timer = setTimeout(() => reject(new Error(`receiver got ${received.length} of ${count} requests`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
