import { describe, expect, it } from "vitest";
import {
  decryptWebhookSecret,
  encryptWebhookSecret,
  generateWebhookSecret,
  signWebhook,
  verifyPlaneSignature,
  verifyStandardSignature,
} from "./secrets";
import { createHmac } from "node:crypto";

describe("webhook signing secrets", () => {
  it("are whsec_ + base64 of 32 random bytes, with a 4-character hint", () => {
    const { secret, hint } = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(hint).toBe(secret.slice(-4));
    expect(generateWebhookSecret().secret).not.toBe(secret);
  });

  it("are stored encrypted and come back intact; a tampered cipher is refused", async () => {
    const { secret } = generateWebhookSecret();
    const cipher = await encryptWebhookSecret(secret);
    expect(cipher).toMatch(/^v1:/);
    expect(cipher).not.toContain(secret.slice(6, 20));
    expect(await encryptWebhookSecret(secret)).not.toBe(cipher); // fresh IV each time
    expect(await decryptWebhookSecret(cipher)).toBe(secret);
    const raw = Buffer.from(cipher.slice(3), "base64url");
    raw[raw.length - 1] ^= 1;
    await expect(decryptWebhookSecret(`v1:${raw.toString("base64url")}`)).rejects.toThrow();
  });
});

describe("signWebhook", () => {
  // The Standard Webhooks specification's example.
  const vector = {
    secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
    timestamp: 1614265330,
    body: '{"test": 2432232314}',
  };

  it("matches the Standard Webhooks reference signature", () => {
    const headers = signWebhook({ ...vector, event: "test" });
    expect(headers["webhook-signature"]).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    expect(headers["webhook-id"]).toBe(vector.id);
    expect(headers["webhook-timestamp"]).toBe("1614265330");
  });

  it("signs X-Plane-Signature as the hex HMAC of the body keyed by the whole secret", () => {
    const headers = signWebhook({ ...vector, event: "work_item" });
    expect(headers["X-Plane-Signature"]).toBe(createHmac("sha256", vector.secret).update(vector.body).digest("hex"));
    expect(headers).toMatchObject({ "X-Plane-Delivery": vector.id, "X-Plane-Event": "work_item", "content-type": "application/json", "user-agent": "Tessera-Webhooks/1" });
  });

  it("verifies both schemes over the exact bytes, and refuses changes, wrong secrets and replays", () => {
    const { secret } = generateWebhookSecret();
    const timestamp = Math.floor(Date.now() / 1000);
    const body = '{"id":"e1","event":"project","data":{"name":"Zoë"}}';
    const headers = signWebhook({ id: "e1", event: "project", timestamp, body, secret });
    const lower = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));

    expect(verifyPlaneSignature(lower, Buffer.from(body), secret)).toBe(true);
    expect(verifyStandardSignature(new Headers(headers), Buffer.from(body), secret)).toBe(true);

    expect(verifyPlaneSignature(lower, body.replace("Zoë", "Zoe"), secret)).toBe(false);
    expect(verifyStandardSignature(lower, body + " ", secret)).toBe(false);
    expect(verifyPlaneSignature(lower, body, generateWebhookSecret().secret)).toBe(false);
    expect(verifyStandardSignature(lower, body, generateWebhookSecret().secret)).toBe(false);
    // A captured request replayed ten minutes later is refused.
    expect(verifyStandardSignature(lower, body, secret, { toleranceSeconds: 300, now: Date.now() + 600_000 })).toBe(false);
    expect(verifyStandardSignature({ ...lower, "webhook-id": "e2" }, body, secret)).toBe(false);
    // Several signatures (during a rotation): any one may match.
    expect(verifyStandardSignature({ ...lower, "webhook-signature": `v1,AAAA ${lower["webhook-signature"]}` }, body, secret)).toBe(true);
  });
});
