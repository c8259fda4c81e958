// The caller's address for throttling. Behind a reverse proxy, the proxy must
// overwrite X-Forwarded-For; Next.js fills it from the socket when absent.
export function clientIp(headers: Record<string, unknown> | Headers): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string" || !value.trim()) return "unknown";
  return value.split(",")[0].trim();
}
