import { promises as dns } from "node:dns";

// How deliveries are paced and timed. One object per process; tests swap in a
// fake clock, a short schedule or a fake resolver with configureWebhookDelivery().

export type ResolvedAddress = { address: string; family: number };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// Waits after failed attempt 1, 2, …, 7: eight attempts over about a day and a half.
export const BACKOFF_SCHEDULE_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 14 * HOUR];

export type DeliverySettings = {
  now: () => Date;
  schedule: number[];
  // ± this fraction of each wait, drawn from random().
  jitter: number;
  random: () => number;
  timeoutMs: number;
  // How long a claim lasts: a worker that dies mid-delivery loses it after this.
  lockMs: number;
  // Failed attempts in a row (any event) that disable a webhook.
  disableAfterFailures: number;
  resolve: Resolver;
};

export const defaultResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

const DEFAULTS: DeliverySettings = {
  now: () => new Date(),
  schedule: BACKOFF_SCHEDULE_MS,
  jitter: 0.2,
  random: Math.random,
  timeoutMs: 10_000,
  lockMs: 60_000,
  disableAfterFailures: 20,
  resolve: defaultResolver,
};

let current: DeliverySettings = DEFAULTS;

export function deliverySettings(): DeliverySettings {
  return current;
}

// Overrides some settings; returns a function that puts the previous ones back.
export function configureWebhookDelivery(overrides: Partial<DeliverySettings>): () => void {
  const previous = current;
  current = { ...current, ...overrides };
  return () => {
    current = previous;
  };
}

// Attempts an event gets in all: one more than the waits between them.
export function maxAttempts(settings = current): number {
  return settings.schedule.length + 1;
}

// When attempt `attempts + 1` is due after `attempts` failed ones, or null after the last.
export function nextAttemptAt(attempts: number, settings = current): Date | null {
  const wait = settings.schedule[attempts - 1];
  if (wait === undefined) return null;
  const factor = 1 + settings.jitter * (2 * settings.random() - 1);
  return new Date(settings.now().getTime() + Math.round(wait * factor));
}

// The development allowance: http:// and loopback addresses for local receivers.
export function loopbackAllowed(): boolean {
  return process.env.TESSERA_WEBHOOKS_ALLOW_LOOPBACK === "1";
}
