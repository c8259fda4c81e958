// The part of autocannon's API the benchmarks use (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  type RequestData = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer };
  type RequestStep = RequestData & {
    // Called before each request: returns the request to send.
    setupRequest?: (request: RequestData, context: Record<string, unknown>) => RequestData;
    // Called with every response of this step (setting it makes autocannon keep the body).
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
  };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    pipelining?: number;
    requests?: RequestStep[];
  };
  type Result = { errors: number; timeouts: number; non2xx: number; requests: { total: number }; duration: number };
  type Instance = EventEmitter & { stop(): void };

  function autocannon(options: Options, done: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
