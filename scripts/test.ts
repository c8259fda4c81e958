// `npm test`: type check, unit + integration tests (Vitest), then browser
// tests (Playwright, Debian's Chromium) against a production build. Each run
// uses fresh temporary databases. Ends with one "N passed, N failed" line.
import fs from "node:fs";
import { buildIfStale, generateClient } from "./lib/prepare";
import { runBin } from "./lib/run";

type Tally = { passed: number; failed: number; skipped: number };
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const problems: string[] = [];

async function step(name: string, run: () => Promise<void>): Promise<boolean> {
  console.log(`\n[test] ${name}`);
  try {
    await run();
    return true;
  } catch (error) {
    problems.push(`${name}: ${error instanceof Error ? error.message : error}`);
    return false;
  }
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function countVitest(file: string) {
  const report = readJson(file) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | null;
  if (!report) return problems.push("unit tests wrote no report");
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  tally.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file: string) {
  const report = readJson(file) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | null;
  if (!report) return problems.push("browser tests wrote no report");
  tally.passed += report.stats.expected + report.stats.flaky;
  tally.failed += report.stats.unexpected;
  tally.skipped += report.stats.skipped;
}

async function main() {
  fs.rmSync("test-results", { recursive: true, force: true });
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

  if (!(await step("Generating the Prisma client", generateClient))) return finish();
  if (await step("Type check", () => runBin("tsc", ["--noEmit"]))) tally.passed += 1;
  else tally.failed += 1;

  const unitReport = "test-results/unit-report.json";
  await step("Unit and integration tests", () =>
    runBin("vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`], { env }),
  );
  countVitest(unitReport);

  if (await step("Production build for the browser tests", () => buildIfStale((line) => console.log(line)))) {
    const e2eReport = "test-results/e2e-report.json";
    await step("Browser tests", () => runBin("playwright", ["test"], { env }));
    countPlaywright(e2eReport);
  }
  finish();
}

function finish() {
  for (const problem of problems) console.log(`[test] ${problem}`);
  const failed = tally.failed + (problems.length > 0 && tally.failed === 0 ? 1 : 0);
  console.log(`\n${tally.passed} passed, ${failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
  process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
}

main().catch((error) => {
  problems.push(String(error));
  finish();
});
