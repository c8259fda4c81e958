// Browse App Registrations with 100,000 registrations: server time of
// browseAppRegistrations() (the panel's whole server call: membership check,
// count, page, installations) for an admin of the browsing group, as the UI
// calls it with the URL's search params. Target: p95 ≤ 50 ms per page.
import { SEARCH_HIT, SEARCH_MISS, SEED_CONFIG, seedBrowseWorld } from "./browse-seed";
import { formatMs, log, measure, passes, printTable, resultRow, timed, withTempDatabase, type BenchModule, type ResultRow } from "./harness";

const TARGET_MS = 50;
const WARMUP = 20;
const ITERATIONS = 200;

type Case = { label: string; query: { tab: string; q?: string; page?: string } };

export const browsePanelBench: BenchModule = {
  name: "browse-panel",
  title: `Browse App Registrations panel, ${SEED_CONFIG.totalApps.toLocaleString("en-US")} registrations`,
  run: () =>
    withTempDatabase(async (file) => {
      const { getDb } = await import("../../lib/db");
      const { userActor } = await import("../../lib/auth/actor");
      const { browseAppRegistrations } = await import("../../lib/consent/queries");

      const seedStart = performance.now();
      const world = await seedBrowseWorld(file, log);
      log(`seed time: ${formatMs(performance.now() - seedStart)} (${describeCounts(world.counts)})`);
      log(
        `browsing group "${world.browsingGroupSlug}" (admin): Group tab ${world.expected.groupTab} · Organization tab ${world.expected.organizationTab} · ` +
          `Global tab ${world.expected.globalTab} registrations; ${world.counts.installations} installed`,
      );

      const user = await getDb().user.findUniqueOrThrow({ where: { id: world.browsingAdminId }, select: { id: true, isPlatformAdmin: true } });
      const actor = userActor(user);
      const browse = (query: Case["query"]) => browseAppRegistrations(actor, world.browsingGroupSlug, query);

      const globalPages = Math.ceil(world.expected.globalTab / 20);
      const cases: Case[] = [
        { label: "Group tab, page 1", query: { tab: "group" } },
        { label: "Organization tab, page 1", query: { tab: "organization" } },
        { label: "Global tab, page 1", query: { tab: "global" } },
        { label: "Global tab, page 50", query: { tab: "global", page: "50" } },
        { label: `Global tab, last page (${globalPages})`, query: { tab: "global", page: String(globalPages) } },
        { label: `Global search "${SEARCH_HIT}"`, query: { tab: "global", q: SEARCH_HIT } },
        { label: `Global search, no match`, query: { tab: "global", q: SEARCH_MISS } },
        { label: `Organization search "${SEARCH_HIT}"`, query: { tab: "organization", q: SEARCH_HIT } },
        { label: `Organization search, no match`, query: { tab: "organization", q: SEARCH_MISS } },
      ];

      // One call per case first: the pages must be what the panel would show.
      const expectedTotals: Record<string, number> = { group: world.expected.groupTab, organization: world.expected.organizationTab, global: world.expected.globalTab };
      const details = new Map<Case, string>();
      for (const c of cases) {
        const page = await browse(c.query);
        if (!c.query.q && page.total !== expectedTotals[c.query.tab]) throw new Error(`${c.label}: total ${page.total}, expected ${expectedTotals[c.query.tab]}`);
        if (c.query.q === SEARCH_MISS && page.total !== 0) throw new Error(`${c.label}: ${page.total} matches, expected none`);
        if (c.query.q === SEARCH_HIT && (page.total === 0 || page.entries.some((entry) => !entry.name.toLowerCase().includes(SEARCH_HIT.toLowerCase()))))
          throw new Error(`${c.label}: search returned non-matching or no entries`);
        if (page.query.page === 1 && page.entries.length !== Math.min(20, page.total)) throw new Error(`${c.label}: ${page.entries.length} entries on page 1`);
        const installed = page.entries.filter((entry) => entry.installationId).length;
        details.set(c, `${page.entries.length}/${page.total}${installed ? ` (${installed} inst.)` : ""}`);
      }

      log(`timing: ${WARMUP} warm-up + ${ITERATIONS} timed rounds; each round calls every case once, one call at a time`);
      const durations = await timed("measured", () => measure(cases.map((c) => () => browse(c.query)), { warmup: WARMUP, iterations: ITERATIONS }));
      const rows: ResultRow[] = cases.map((c, i) => resultRow(c.label, durations[i], { detail: details.get(c), targetMs: TARGET_MS }));
      log("");
      log("rows = entries on the page / total matching (inst. = entries installed in the group)");
      printTable(rows);
      const failed = rows.filter((row) => passes(row) === false).length;
      log("");
      log(failed === 0 ? `all ${rows.length} cases within ${TARGET_MS} ms at p95` : `${failed} of ${rows.length} cases over ${TARGET_MS} ms at p95`);
    }),
};

function describeCounts(counts: Awaited<ReturnType<typeof seedBrowseWorld>>["counts"]): string {
  const n = (value: number) => value.toLocaleString("en-US");
  const apps = counts.apps.GROUP + counts.apps.ORGANIZATION + counts.apps.GLOBAL;
  return (
    `${n(apps)} apps: ${n(counts.apps.GROUP)} Group, ${n(counts.apps.ORGANIZATION)} Organization, ${n(counts.apps.GLOBAL)} Global, ` +
    `${n(counts.suspended)} suspended; ${n(counts.organizations)} organizations, ${n(counts.groups)} groups, ${n(counts.users)} users, ${n(counts.secrets)} secrets`
  );
}
