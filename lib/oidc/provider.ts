import type Provider from "oidc-provider";
import { loadProviderKeys } from "./keys";
import { buildConfiguration } from "./configuration";
import { verifyClientSecret } from "./clients";
import { auditProviderRefusals } from "./audit";
import { registerBotTokenGrant } from "./bot-tokens";
import { issuer } from "./resource";

const holder = globalThis as unknown as { tesseraProvider?: Promise<Provider> };

// The embedded authorization server, created once per process on first use
// (Next loads modules in several workers; none should start it early).
export function getProvider(): Promise<Provider> {
  if (!holder.tesseraProvider) {
    holder.tesseraProvider = createProvider();
    holder.tesseraProvider.catch(() => (holder.tesseraProvider = undefined));
  }
  return holder.tesseraProvider;
}

async function createProvider(): Promise<Provider> {
  const { default: ProviderClass, errors } = await import("oidc-provider");
  const keys = await loadProviderKeys();
  const provider = new ProviderClass(issuer(), buildConfiguration(keys as never, errors));
  // The route layer sets X-Forwarded-Proto/Host from the configured origin
  // (never from the caller's Host header).
  provider.proxy = true;
  // Secrets are stored as hashes: compare against those, never a clear value.
  provider.Client.prototype.compareClientSecret = async function compareClientSecret(this: { clientId: string }, actual: string) {
    return verifyClientSecret(this.clientId, actual);
  };
  registerBotTokenGrant(provider, errors);
  auditProviderRefusals(provider);
  return provider;
}

// For tests: forget the instance (its keys and clients are re-read).
export function resetProvider(): void {
  holder.tesseraProvider = undefined;
}
