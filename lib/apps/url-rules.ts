// Rules for the URLs an app registers. Redirect URIs are compared as exact
// strings at authorization time, so they are checked strictly here.
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const MAX_URL_LENGTH = 2000;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

// Why a redirect URI is refused, or null when it is acceptable.
export function checkRedirectUri(value: string): string | null {
  if (value.length > MAX_URL_LENGTH) return "That URL is too long";
  if (value.includes("*")) return "Wildcards are not allowed: list every redirect URI exactly";
  if (value.includes("#")) return "A redirect URI cannot contain a fragment (#…)";
  if (/\s/.test(value)) return "A redirect URI cannot contain spaces";
  const url = parse(value);
  if (!url || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return "Enter an absolute URL, like https://app.example.com/callback";
  const scheme = checkScheme(url);
  if (scheme) return scheme;
  // Compared as exact strings later: only the standard spelling can match
  // what a client sends (lower-case host, no default port, no stray slashes).
  if (!isStandardForm(value, url)) return `Write it in its standard form: ${url.href}`;
  return null;
}

function isStandardForm(value: string, url: URL): boolean {
  return value === url.href || (url.pathname === "/" && !url.search && value === url.origin);
}

// Why a web URL (homepage, logo, policy, setup, webhook…) is refused, or null.
export function checkWebUrl(value: string): string | null {
  if (value.length > MAX_URL_LENGTH) return "That URL is too long";
  if (/\s/.test(value)) return "A URL cannot contain spaces";
  const url = parse(value);
  if (!url || !/^https?:\/\//i.test(value)) return "Enter a full URL starting with https://";
  return checkScheme(url);
}

function checkScheme(url: URL): string | null {
  if (url.username || url.password) return "A URL cannot contain a user name or password";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return null;
  if (url.protocol === "http:") return "Use https:// (http:// is allowed only for localhost, 127.0.0.1 and [::1])";
  return "Use an https:// URL";
}

export function hostOf(value: string): string {
  return parse(value)?.host ?? value;
}
