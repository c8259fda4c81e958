import { afterEach, describe, expect, it } from "vitest";
import { checkWebhookUrl, createGuardedLookup, isForbiddenAddress } from "./url-guard";
import type { Resolver } from "./settings";

// Nothing here touches the network: every name resolves through a fake.
const resolvesTo = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
const PUBLIC = "93.184.216.34";

afterEach(() => {
  delete process.env.TESSERA_WEBHOOKS_ALLOW_LOOPBACK;
});

describe("isForbiddenAddress", () => {
  it.each([
    "10.0.0.5", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.1.1", "127.0.0.1", "127.8.9.10",
    "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1",
    "239.255.255.250", "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.2.10",
    "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "fe80::1%eth0", "febf::1", "ff02::1",
    "::ffff:10.0.0.5", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "::127.0.0.1",
    "64:ff9b::a9fe:a9fe", "2002:0a00:0005::1", "2001:db8::1", "not-an-ip",
  ])("refuses %s", (ip) => {
    expect(isForbiddenAddress(ip)).toBe(true);
  });

  it.each([PUBLIC, "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1", "169.253.1.1", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2a00:1450::1"])(
    "allows %s",
    (ip) => {
      expect(isForbiddenAddress(ip)).toBe(false);
    },
  );

  it("allows loopback only with the development allowance, never the rest", () => {
    for (const ip of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) expect(isForbiddenAddress(ip, { allowLoopback: true })).toBe(false);
    for (const ip of ["10.0.0.5", "169.254.169.254", "0.0.0.0", "::"]) expect(isForbiddenAddress(ip, { allowLoopback: true })).toBe(true);
  });
});

describe("checkWebhookUrl (save time)", () => {
  it("accepts https to a public address", async () => {
    expect(await checkWebhookUrl("https://hooks.example.com/tessera", { resolve: resolvesTo(PUBLIC) })).toBeNull();
  });

  it("refuses a name that resolves to a private address, or to any private one among several", async () => {
    expect(await checkWebhookUrl("https://hooks.example.com/tessera", { resolve: resolvesTo("10.0.0.5") })).toMatch(/public addresses.*10\.0\.0\.5/);
    expect(await checkWebhookUrl("https://hooks.example.com/x", { resolve: resolvesTo(PUBLIC, "fd00::1") })).toMatch(/fd00::1/);
    expect(await checkWebhookUrl("https://metadata.example.com/", { resolve: resolvesTo("169.254.169.254") })).toMatch(/169\.254\.169\.254/);
    expect(await checkWebhookUrl("https://hooks.example.com/", { resolve: resolvesTo("::ffff:192.168.0.10") })).toMatch(/public addresses/);
  });

  it("refuses literal private, metadata and loopback addresses without resolving anything", async () => {
    const never: Resolver = async () => {
      throw new Error("must not resolve");
    };
    for (const url of ["https://10.0.0.5/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/", "https://[::ffff:7f00:1]/", "https://localhost/hook", "https://0.0.0.0/"]) {
      expect(await checkWebhookUrl(url, { resolve: never }), url).toMatch(/public addresses/);
    }
  });

  it("requires https; http only to loopback with TESSERA_WEBHOOKS_ALLOW_LOOPBACK=1", async () => {
    const resolve = resolvesTo("127.0.0.1");
    expect(await checkWebhookUrl("http://hooks.example.com/", { resolve: resolvesTo(PUBLIC) })).toMatch(/https/);
    expect(await checkWebhookUrl("http://127.0.0.1:4000/hook", { resolve })).toMatch(/https/);
    expect(await checkWebhookUrl("ftp://hooks.example.com/", { resolve })).toMatch(/https/);
    expect(await checkWebhookUrl("https://user:pass@hooks.example.com/", { resolve: resolvesTo(PUBLIC) })).toMatch(/user name or password/);
    expect(await checkWebhookUrl("not a url")).toMatch(/full URL/);

    process.env.TESSERA_WEBHOOKS_ALLOW_LOOPBACK = "1";
    expect(await checkWebhookUrl("http://127.0.0.1:4000/hook", { resolve })).toBeNull();
    expect(await checkWebhookUrl("http://localhost:4000/hook", { resolve })).toBeNull();
    expect(await checkWebhookUrl("http://[::1]:4000/hook", { resolve })).toBeNull();
    expect(await checkWebhookUrl("http://hooks.example.com/", { resolve })).toMatch(/https/);
    expect(await checkWebhookUrl("https://hooks.example.com/", { resolve: resolvesTo("10.0.0.5") })).toMatch(/public addresses/);
  });

  it("accepts a name that does not resolve yet (the connect-time guard checks it later)", async () => {
    const missing: Resolver = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    expect(await checkWebhookUrl("https://not-yet.example.com/", { resolve: missing })).toBeNull();
  });
});

describe("createGuardedLookup (connect time)", () => {
  const lookup = (resolve: Resolver, all: boolean, allowLoopback = false) =>
    new Promise<{ error: NodeJS.ErrnoException | null; result: unknown }>((done) =>
      createGuardedLookup({ resolve, allowLoopback })("hooks.example.com", { all }, (error, address, family) =>
        done({ error, result: all ? address : { address, family } }),
      ),
    );

  it("hands public addresses to connect, in both callback forms", async () => {
    expect(await lookup(resolvesTo(PUBLIC), false)).toEqual({ error: null, result: { address: PUBLIC, family: 4 } });
    expect(await lookup(resolvesTo(PUBLIC, "2606:4700::1111"), true)).toEqual({
      error: null,
      result: [{ address: PUBLIC, family: 4 }, { address: "2606:4700::1111", family: 6 }],
    });
  });

  it("refuses when any resolved address is forbidden", async () => {
    for (const all of [false, true]) {
      const { error } = await lookup(resolvesTo(PUBLIC, "10.0.0.5"), all);
      expect(error).toMatchObject({ code: "ERR_WEBHOOK_FORBIDDEN_ADDRESS" });
      expect(error?.message).toMatch(/10\.0\.0\.5/);
    }
    expect((await lookup(resolvesTo("127.0.0.1"), false)).error).toMatchObject({ code: "ERR_WEBHOOK_FORBIDDEN_ADDRESS" });
    expect((await lookup(resolvesTo("127.0.0.1"), false, true)).error).toBeNull();
  });
});
