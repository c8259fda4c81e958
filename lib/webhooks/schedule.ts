import { emitSecretExpiringEvents } from "@/lib/apps/secret-expiry";

const HOUR_MS = 60 * 60 * 1000;

// Periodic producers: the hourly check that announces client secrets about to
// expire to the apps' installations (safe in several processes at once).
export function startPeriodicEvents(): { stop: () => void } {
  const run = () => emitSecretExpiringEvents().catch((error) => console.error("secret-expiry check failed", error));
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, HOUR_MS);
  first.unref();
  timer.unref();
  return { stop: () => (clearTimeout(first), clearInterval(timer)) };
}
