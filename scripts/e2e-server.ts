// The server Playwright tests run against: a production build on a fresh,
// migrated and seeded database of its own (DATABASE_URL, set by the config).
import { loadEnvFile } from "../lib/db/load-env";
import { buildIfStale, generateClient, migrateDatabase, seedIfEmpty } from "./lib/prepare";
import { runBin } from "./lib/run";

async function main() {
  loadEnvFile();
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL must be set by playwright.config.ts");
  const port = process.env.PORT ?? "3100";
  await generateClient();
  await migrateDatabase();
  await seedIfEmpty((line) => console.log(line));
  await buildIfStale((line) => console.log(line));
  await runBin("next", ["start", "-p", port], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
