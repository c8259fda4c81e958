import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// One fresh database per run, shared by the server and the tests' own
// seeding (workers inherit this process's environment).
const port = Number(process.env.E2E_PORT ?? 3100);
process.env.DATABASE_URL = process.env.E2E_DATABASE_URL ??= `file:${path.join(os.tmpdir(), `tessera-e2e-${Date.now()}`, "e2e.db")}`;
const origin = `http://localhost:${port}`;

// Debian's Chromium; Playwright must not download a browser of its own.
const executablePath = process.env.CHROMIUM_PATH ?? process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: {
    baseURL: origin,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${origin}/signin`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(port), TESSERA_ORIGIN: origin, NEXTAUTH_URL: origin, DATABASE_URL: process.env.DATABASE_URL, TESSERA_WEBHOOKS_ALLOW_LOOPBACK: "1" },
  },
});
