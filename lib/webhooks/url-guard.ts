import type { LookupAddress, LookupOptions } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { isForbiddenAddress } from "./ip-address";
import { deliverySettings, loopbackAllowed, type Resolver } from "./settings";

export { isForbiddenAddress } from "./ip-address";

// The SSRF guard. At save time checkWebhookUrl() refuses what can be seen
// then; at connect time the sender resolves through createGuardedLookup(),
// which checks the very addresses it connects to (DNS rebinding can't slip
// a private address in between).

type GuardOptions = { resolve?: Resolver; allowLoopback?: boolean };

const RESOLVE_TIMEOUT_MS = 3_000;

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

function isLoopbackName(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost") || (isIP(host) > 0 && !isForbiddenAddress(host, { allowLoopback: true }) && isForbiddenAddress(host));
}

// Why this URL may not be posted to (scheme, credentials, literal address), or null.
export function checkWebhookTarget(value: string, allowLoopback = loopbackAllowed()): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL starting with https://";
  }
  if (url.username || url.password) return "A webhook URL cannot contain a user name or password";
  const host = bareHost(url);
  if (url.protocol === "http:") {
    if (!allowLoopback || !isLoopbackName(host)) return "Use an https:// URL";
  } else if (url.protocol !== "https:") {
    return "Use an https:// URL";
  }
  if (isIP(host) && isForbiddenAddress(host, { allowLoopback })) return forbiddenMessage(host, host);
  if (!allowLoopback && isLoopbackName(host)) return forbiddenMessage(host, host);
  return null;
}

function forbiddenMessage(host: string, address: string): string {
  const target = host === address ? address : `${host} (${address})`;
  return `Webhooks can only reach public addresses: ${target} is private, loopback, link-local or reserved`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("DNS lookup timed out"), { code: "ETIMEOUT" })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Save time: the scheme rules, then every address the host resolves to now.
// A host that doesn't resolve (yet) is accepted: the connect-time guard
// checks it again before each delivery.
export async function checkWebhookUrl(value: string, options: GuardOptions = {}): Promise<string | null> {
  const allowLoopback = options.allowLoopback ?? loopbackAllowed();
  const problem = checkWebhookTarget(value, allowLoopback);
  if (problem) return problem;
  const host = bareHost(new URL(value));
  if (isIP(host)) return null;
  let addresses: { address: string }[];
  try {
    addresses = await withTimeout((options.resolve ?? deliverySettings().resolve)(host), RESOLVE_TIMEOUT_MS);
  } catch {
    return null;
  }
  const forbidden = addresses.find((entry) => isForbiddenAddress(entry.address, { allowLoopback }));
  return forbidden ? forbiddenMessage(host, forbidden.address) : null;
}

export class ForbiddenAddressError extends Error {
  readonly code = "ERR_WEBHOOK_FORBIDDEN_ADDRESS";
  constructor(host: string, address: string) {
    super(`Refused to connect: ${forbiddenMessage(host, address)}`);
  }
}

function wantedFamily(family: LookupOptions["family"]): number {
  if (family === 4 || family === "IPv4") return 4;
  if (family === 6 || family === "IPv6") return 6;
  return 0;
}

// Connect time: a `lookup` for node:net/http/https that resolves, refuses the
// host if any address is forbidden, and only then hands addresses to connect.
export function createGuardedLookup(options: GuardOptions = {}): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    const allowLoopback = options.allowLoopback ?? loopbackAllowed();
    const resolve = options.resolve ?? deliverySettings().resolve;
    const fail = (error: NodeJS.ErrnoException) => (lookupOptions.all ? callback(error, []) : callback(error, "", 0));
    withTimeout(resolve(hostname), RESOLVE_TIMEOUT_MS).then(
      (addresses) => {
        const forbidden = addresses.find((entry) => !isIP(entry.address) || isForbiddenAddress(entry.address, { allowLoopback }));
        if (forbidden) return fail(new ForbiddenAddressError(hostname, forbidden.address));
        const family = wantedFamily(lookupOptions.family);
        const usable: LookupAddress[] = addresses.filter((entry) => !family || entry.family === family);
        if (usable.length === 0) return fail(Object.assign(new Error(`${hostname} has no usable address`), { code: "ENOTFOUND" }));
        if (lookupOptions.all) callback(null, usable);
        else callback(null, usable[0].address, usable[0].family);
      },
      (error: NodeJS.ErrnoException) => fail(error),
    );
  };
}
