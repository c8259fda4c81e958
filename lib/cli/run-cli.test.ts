import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { captureCli } from "./capture-cli";
import { REGISTRATION_OPTIONS } from "./registration-input";

const COMMANDS = ["apps create", "apps list", "apps show", "apps rotate-secret", "apps delete", "consent add", "consent list", "consent remove", "help"];
const OTHER_FLAGS = ["--as", "--json", "--help", "--expires-in", "--revoke-old", "--confirm", "--app"];

describe("runCli", () => {
  it.each([[[]], [["help"]], [["--help"]]])("prints the usage for %j and exits 0", async (argv) => {
    const { code, stdout, stderr } = await captureCli(argv);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    for (const command of COMMANDS) expect(stdout).toContain(`  ${command}`);
    for (const flag of [...Object.keys(REGISTRATION_OPTIONS).map((key) => `--${key}`), ...OTHER_FLAGS]) {
      expect(stdout).toMatch(new RegExp(`${flag}\\b`));
    }
  });

  it("refuses an unknown command with the usage on stderr (exit 2)", async () => {
    for (const argv of [["frobnicate"], ["apps"], ["apps", "rename", "x"], ["consent"], ["consent", "create"], ["toString", "x"]]) {
      const { code, stdout, stderr } = await captureCli(argv);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/^Error: Unknown command/);
      expect(stderr).toContain("Usage: npm run tessera");
    }
  });

  it("refuses unknown flags, missing values and stray arguments (exit 2)", async () => {
    const unknown = await captureCli(["apps", "list", "--group", "g", "--grop", "x"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown option --grop for "apps list"');

    const json = await captureCli(["apps", "show", "abc", "--bogus", "--json"]);
    expect(json.code).toBe(2);
    expect(json.json()).toEqual({ error: "USAGE", message: 'Unknown option --bogus for "apps show"', fields: {} });

    expect((await captureCli(["apps", "create", "--name"])).code).toBe(2);
    expect((await captureCli(["apps", "list", "extra", "--group", "g"])).stderr).toContain('Unexpected argument "extra"');
    expect((await captureCli(["apps", "rotate-secret"])).stderr).toContain("Missing <client_id>");
  });

  it("prints a command's own help with --help", async () => {
    const { code, stdout } = await captureCli(["apps", "rotate-secret", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^apps rotate-secret <client_id>/);
    expect(stdout).toContain("--revoke-old");
  });

  it("runs as the real entry point (npx tsx scripts/tessera.ts help)", () => {
    const root = path.resolve(__dirname, "../..");
    const result = spawnSync("npx", ["tsx", "scripts/tessera.ts", "help"], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Usage: npm run tessera -- <command>");
    expect(result.stdout).toContain("apps rotate-secret");
  }, 60_000);
});
