import { describe, expect, it } from "vitest";
import { checkRedirectUri, checkWebUrl, hostOf } from "./url-rules";

describe("redirect URI rules", () => {
  it.each([
    "https://app.example.com/callback",
    "https://app.example.com:8443/oauth/callback?tenant=1",
    "http://localhost/callback",
    "http://localhost:3000/callback",
    "http://127.0.0.1:8080/callback",
    "http://[::1]:5173/callback",
    "https://app.example.com",
  ])("accepts %s", (uri) => {
    expect(checkRedirectUri(uri)).toBeNull();
  });

  it.each([
    ["http://app.example.com/callback", "Use https:// (http:// is allowed only for localhost, 127.0.0.1 and [::1])"],
    ["http://localhost.example.com/callback", "Use https:// (http:// is allowed only for localhost, 127.0.0.1 and [::1])"],
    ["https://*.example.com/callback", "Wildcards are not allowed: list every redirect URI exactly"],
    ["https://app.example.com/*", "Wildcards are not allowed: list every redirect URI exactly"],
    ["https://app.example.com/callback#done", "A redirect URI cannot contain a fragment (#…)"],
    ["/callback", "Enter an absolute URL, like https://app.example.com/callback"],
    ["app.example.com/callback", "Enter an absolute URL, like https://app.example.com/callback"],
    ["javascript:alert(1)", "Enter an absolute URL, like https://app.example.com/callback"],
    ["com.example.app://callback", "Use an https:// URL"],
    ["ftp://app.example.com/callback", "Use an https:// URL"],
    ["https://user:pass@app.example.com/callback", "A URL cannot contain a user name or password"],
    ["https://user@app.example.com/callback", "A URL cannot contain a user name or password"],
    ["https://app.example.com/call back", "A redirect URI cannot contain spaces"],
    [`https://app.example.com/${"a".repeat(2000)}`, "That URL is too long"],
    ["https:///app.example.com/callback", "Write it in its standard form: https://app.example.com/callback"],
    ["https://APP.example.com/callback", "Write it in its standard form: https://app.example.com/callback"],
    ["https://app.example.com:443/callback", "Write it in its standard form: https://app.example.com/callback"],
    ["https://app.example.com/callback\u200b", "Write it in its standard form: https://app.example.com/callback%E2%80%8B"],
  ])("refuses %s", (uri, message) => {
    expect(checkRedirectUri(uri)).toBe(message);
  });
});

describe("web URL rules (homepage, logo, policies, webhooks)", () => {
  it("accepts https, and http only on loopback hosts", () => {
    expect(checkWebUrl("https://example.com/privacy")).toBeNull();
    expect(checkWebUrl("http://localhost:3000/setup")).toBeNull();
    expect(checkWebUrl("http://example.com/privacy")).toBe("Use https:// (http:// is allowed only for localhost, 127.0.0.1 and [::1])");
  });

  it("refuses other schemes, relative paths, credentials and spaces", () => {
    expect(checkWebUrl("javascript:alert(1)")).toBe("Enter a full URL starting with https://");
    expect(checkWebUrl("data:text/html,hi")).toBe("Enter a full URL starting with https://");
    expect(checkWebUrl("/privacy")).toBe("Enter a full URL starting with https://");
    expect(checkWebUrl("https://a:b@example.com/")).toBe("A URL cannot contain a user name or password");
    expect(checkWebUrl("https://example.com/a b")).toBe("A URL cannot contain spaces");
  });

  it("shows a URL's host, or the text itself when it is not a URL", () => {
    expect(hostOf("https://app.example.com:8443/x")).toBe("app.example.com:8443");
    expect(hostOf("not a url")).toBe("not a url");
  });
});
