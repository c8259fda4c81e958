// `npm start`: prepares everything a fresh clone needs, then serves Tessera.
//   --dev         serve with `next dev` instead of a production build
//   --build-only  prepare and build, then exit
import { loadEnvFile } from "../lib/db/load-env";
import { resolveSqlitePath } from "../lib/db/database-url";
import { buildIfStale, generateClient, migrateDatabase, seedIfEmpty } from "./lib/prepare";
import { runBin } from "./lib/run";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/seed/demo-data";

const dev = process.argv.includes("--dev");
const buildOnly = process.argv.includes("--build-only");

async function main() {
  loadEnvFile();
  const port = process.env.PORT || "3000";
  process.env.TESSERA_ORIGIN ||= `http://localhost:${port}`;
  process.env.NEXTAUTH_URL ||= process.env.TESSERA_ORIGIN;
  const steps = dev ? 4 : 5;
  const step = (n: number, text: string) => console.log(`\n[tessera ${n}/${steps}] ${text}`);

  step(1, "Generating the Prisma client");
  await generateClient();
  step(2, `Applying migrations to ${resolveSqlitePath()}`);
  await migrateDatabase();
  step(3, "Seeding the demo data if the database is empty");
  await seedIfEmpty((line) => console.log(`  ${line}`));
  if (!dev) {
    step(4, "Building for production if the sources changed");
    await buildIfStale((line) => console.log(`  ${line}`));
  }
  if (buildOnly) return;

  step(steps, `Serving Tessera on ${process.env.TESSERA_ORIGIN}`);
  printDemoSignIns();
  await runBin("next", [dev ? "dev" : "start", "-p", port], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

function printDemoSignIns() {
  console.log(`\n  Open ${process.env.TESSERA_ORIGIN} and sign in as one of (password "${DEMO_PASSWORD}"):`);
  for (const user of DEMO_USERS) {
    const where = user.memberships.map(([group, role]) => `${role.toLowerCase()} of ${group}`).join(", ");
    console.log(`    ${user.email.padEnd(20)} ${where}${user.isPlatformAdmin ? " · platform admin" : ""}`);
  }
  console.log("");
}

main().catch((error) => {
  console.error(`\n[tessera] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
