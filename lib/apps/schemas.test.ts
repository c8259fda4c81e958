import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { validRegistration } from "@/lib/testing/app-factories";
import { parseInput } from "@/lib/validation";
import { appRegistrationSchema, appSettingsSchema, newSecretSchema } from "./schemas";
import type { AppRegistrationInput } from "./schemas";

const parse = (overrides: Partial<AppRegistrationInput>) => parseInput(appRegistrationSchema, validRegistration(overrides));

// The field messages a form would show for this input (throws if it is valid).
function fieldsFor(overrides: Partial<AppRegistrationInput>): Record<string, string> {
  try {
    parse(overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", message: "Some fields need your attention" });
    return (error as AppError).fields;
  }
  throw new Error("expected the input to be refused");
}

const uris = (...list: string[]) => list.map((uri) => ({ uri }));

describe("the app registration schema", () => {
  it("accepts a valid registration and stores empty optional URLs as null", () => {
    const parsed = parse({ name: "  Timesheets  ", homepageUrl: "https://timesheets.example.com" });
    expect(parsed).toMatchObject({
      name: "Timesheets",
      homepageUrl: "https://timesheets.example.com",
      logoUrl: null,
      setupUrl: null,
      webhookUrl: null,
      privacyPolicyUrl: null,
      termsUrl: null,
      publisherUrl: null,
      clientType: "CONFIDENTIAL",
    });
  });

  it("accepts https and loopback http redirect URIs, with ports", () => {
    const list = uris("https://app.example.com/callback", "http://localhost:3000/cb", "http://127.0.0.1:8080/cb", "http://[::1]:5173/cb");
    expect(parse({ redirectUris: list }).redirectUris).toEqual(list);
  });

  it.each([
    ["http://app.example.com/cb", "Use https:// (http:// is allowed only for localhost, 127.0.0.1 and [::1])"],
    ["https://*.example.com/cb", "Wildcards are not allowed: list every redirect URI exactly"],
    ["https://app.example.com/cb#x", "A redirect URI cannot contain a fragment (#…)"],
    ["/callback", "Enter an absolute URL, like https://app.example.com/callback"],
    ["javascript:alert(1)", "Enter an absolute URL, like https://app.example.com/callback"],
    ["myapp://callback", "Use an https:// URL"],
    ["https://user:pass@app.example.com/cb", "A URL cannot contain a user name or password"],
    ["https://app.example.com/my callback", "A redirect URI cannot contain spaces"],
    ["   ", "Enter a redirect URI"],
  ])("refuses the redirect URI %j on its own row", (bad, message) => {
    const fields = fieldsFor({ redirectUris: uris("https://ok.example.com/cb", bad) });
    expect(fields).toEqual({ "redirectUris.1.uri": message });
  });

  it("flags a duplicate redirect URI on its second occurrence", () => {
    const fields = fieldsFor({ redirectUris: uris("https://a.example.com/cb", "https://b.example.com/cb", "https://a.example.com/cb") });
    expect(fields).toEqual({ "redirectUris.2.uri": "This redirect URI is listed twice" });
  });

  it("requires between 1 and 10 redirect URIs", () => {
    expect(fieldsFor({ redirectUris: [] })).toEqual({ redirectUris: "Add at least one redirect URI" });
    const eleven = Array.from({ length: 11 }, (_, i) => `https://app.example.com/cb${i}`);
    expect(fieldsFor({ redirectUris: uris(...eleven) })).toMatchObject({ redirectUris: "At most 10 redirect URIs" });
    const ten = eleven.slice(0, 10);
    expect(parse({ redirectUris: uris(...ten) }).redirectUris).toHaveLength(10);
  });

  it("refuses public http and non-web schemes in the optional URL fields", () => {
    const fields = fieldsFor({ homepageUrl: "http://example.com", privacyPolicyUrl: "javascript:alert(1)", webhookUrl: "http://localhost:4000/hook" });
    expect(fields).toEqual({
      homepageUrl: "Use https:// (http:// is allowed only for localhost, 127.0.0.1 and [::1])",
      privacyPolicyUrl: "Enter a full URL starting with https://",
    });
  });

  it("always includes openid and returns scopes in catalog order", () => {
    expect(parse({ scopes: ["work_items:read", "email", "profile"] }).scopes).toEqual(["openid", "profile", "email", "work_items:read"]);
    expect(parse({ scopes: [] }).scopes).toEqual(["openid"]);
    expect(parse({ scopes: ["profile", "profile"] }).scopes).toEqual(["openid", "profile"]);
  });

  it("refuses an unknown scope", () => {
    const fields = fieldsFor({ scopes: ["openid", "admin:everything" as never] });
    expect(fields).toEqual({ "scopes.1": "Unknown permission" });
  });

  it("requires a valid contact email", () => {
    expect(fieldsFor({ contactEmail: "  " })).toEqual({ contactEmail: "Enter a contact email" });
    expect(fieldsFor({ contactEmail: "not-an-email" })).toEqual({ contactEmail: "Enter a valid email address" });
    expect(parse({ contactEmail: " dev@example.com " }).contactEmail).toBe("dev@example.com");
  });

  it("requires a name of at most 80 characters", () => {
    expect(fieldsFor({ name: "   " })).toEqual({ name: "Give the app a name" });
    expect(fieldsFor({ name: "x".repeat(81) })).toEqual({ name: "Use at most 80 characters" });
    expect(parse({ name: "x".repeat(80) }).name).toHaveLength(80);
  });

  it("refuses an unknown client type or availability", () => {
    const fields = fieldsFor({ clientType: "SPA" as never, availability: "EVERYONE" as never });
    expect(fields).toEqual({ clientType: "Choose a client type", availability: "Choose where the app is available" });
  });

  it("ignores a client type in the settings (edit) schema", () => {
    const settings = parseInput(appSettingsSchema, validRegistration({ clientType: "PUBLIC" }));
    expect(settings).not.toHaveProperty("clientType");
  });

  it("accepts only the listed secret lifetimes", () => {
    expect(parseInput(newSecretSchema, { expiresIn: "30" })).toEqual({ expiresIn: "30" });
    expect(() => parseInput(newSecretSchema, { expiresIn: "7" })).toThrow(
      expect.objectContaining({ code: "VALIDATION", fields: { expiresIn: "Choose when the secret expires" } }),
    );
  });
});
