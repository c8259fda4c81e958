import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// What a production build is made from. A build is current when the hash of
// these files equals the one stamped into .next by the last build.
const INPUTS = ["app", "components", "lib", "public", "instrumentation.ts", "prisma/schema.prisma", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const SKIP = new Set(["generated", "node_modules"]);
const STAMP = path.join(".next", "tessera-build-stamp");

export function hashBuildInputs(root = process.cwd()): string {
  const hash = createHash("sha256");
  const visit = (rel: string) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) {
        if (!SKIP.has(name) && !name.endsWith(".test.ts")) visit(path.join(rel, name));
      }
      return;
    }
    hash.update(rel).update("\0").update(fs.readFileSync(abs)).update("\0");
  };
  INPUTS.forEach(visit);
  return hash.digest("hex");
}

export function isBuildCurrent(): boolean {
  if (!fs.existsSync(path.join(".next", "BUILD_ID")) || !fs.existsSync(STAMP)) return false;
  return fs.readFileSync(STAMP, "utf8").trim() === hashBuildInputs();
}

export function stampBuild(hash: string): void {
  fs.writeFileSync(STAMP, hash + "\n");
}
