// npm run bench [-- --only=throughput,weight --duration=10 --runs=3 …]
// Builds the app if stale, starts a throw-away database and `next start` on 127.0.0.1, runs the
// chosen scenarios, writes bench/results/<scenario>.json and the table in docs/performance.md,
// then stops everything it started (also on error and Ctrl-C).
import "@/scripts/lib/load-env";
import os from "node:os";
import { DEFAULTS } from "./config";
import { startApp } from "./lib/app";
import { ensureArticle } from "./lib/content";
import { createBenchDatabase, discoverSlugs } from "./lib/database";
import { cleanupAll, installSignalHandlers, wasInterrupted } from "./lib/processes";
import { machineInfo, updateDoc, writeResult } from "./lib/results";
import type { BenchOptions, Scenario } from "./lib/types";
import { throughput } from "./scenarios/throughput";
import { weight } from "./scenarios/weight";
import { donationVisible } from "./scenarios/donation-visible";
import { ingestion } from "./scenarios/ingestion";
import { scale } from "./scenarios/scale";

// Scale grows the donations table to 100 000 after the page scenarios; ingestion runs last, so its
// burst lands on a campaign that already has its share of those gifts (the case that used to slow
// every webhook down, see docs/performance.md).
const SCENARIOS: Scenario[] = [throughput, weight, donationVisible, scale, ingestion];

const HELP = `npm run bench -- [options]
  --only=a,b          scenarios: ${SCENARIOS.map((s) => s.name).join(", ")} (default: all)
  --duration=S        seconds per load run (default ${DEFAULTS.durationSeconds})
  --runs=N            runs per target; medians are reported (default ${DEFAULTS.runs})
  --connections=N     wrk connections (default ${DEFAULTS.connections})
  --threads=N         wrk threads (default ${DEFAULTS.threads})
  --burst=N           webhook events in the ingestion burst (default ${DEFAULTS.burst})
  --concurrency=N     events in flight during the burst (default ${DEFAULTS.burstConcurrency})
  --sizes=a,b,c       donation counts for the scale scenario (default ${DEFAULTS.scaleSizes.join(",")})
  --samples=N         requests per URL and size in the scale scenario (default ${DEFAULTS.scaleSamples})
  --email=E --password=P   dashboard sign-in (default: seedDemo's demo account, else an admin the bench creates)
  --docs              only rebuild docs/performance.md from bench/results/*.json
Set TEST_DATABASE_URL to a local PostgreSQL server for representative write figures.`;

/** A wrong command line: printed without a stack trace. */
class UsageError extends Error {}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number`);
  return n;
}

export function parseArgs(argv: string[]): BenchOptions {
  const args = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) throw new UsageError(`unknown argument ${arg}\n\n${HELP}`);
    args.set(match[1], match[2] ?? "true");
  }
  const known = new Set(["only", "duration", "runs", "connections", "threads", "burst", "concurrency", "sizes", "samples", "email", "password", "help", "docs"]);
  for (const key of args.keys()) if (!known.has(key)) throw new UsageError(`unknown option --${key}\n\n${HELP}`);
  const only = args.get("only")?.split(",").filter(Boolean) ?? [];
  for (const name of only) if (!SCENARIOS.some((s) => s.name === name)) throw new UsageError(`unknown scenario ${name}\n\n${HELP}`);
  return {
    only,
    durationSeconds: positive("duration", args.get("duration"), DEFAULTS.durationSeconds),
    runs: positive("runs", args.get("runs"), DEFAULTS.runs),
    connections: positive("connections", args.get("connections"), DEFAULTS.connections),
    threads: positive("threads", args.get("threads"), DEFAULTS.threads),
    burst: positive("burst", args.get("burst"), DEFAULTS.burst),
    burstConcurrency: positive("concurrency", args.get("concurrency"), DEFAULTS.burstConcurrency),
    scaleSizes: args.get("sizes")?.split(",").map((s) => positive("sizes", s, 0)) ?? DEFAULTS.scaleSizes,
    scaleSamples: positive("samples", args.get("samples"), DEFAULTS.scaleSamples),
    email: args.get("email"),
    password: args.get("password"),
  };
}

async function main(): Promise<number> {
  if (process.argv.includes("--help")) {
    console.log(HELP);
    return 0;
  }
  if (process.argv.includes("--docs")) {
    updateDoc(SCENARIOS.map((s) => s.name));
    console.log("docs/performance.md rebuilt from bench/results/.");
    return 0;
  }
  const options = parseArgs(process.argv.slice(2));
  installSignalHandlers();
  const chosen = SCENARIOS.filter((s) => options.only.length === 0 || options.only.includes(s.name));
  const loadAtStart = os.loadavg();
  if (loadAtStart[0] !== undefined && loadAtStart[0] > os.cpus().length * 0.5) {
    console.log(`note: load average ${loadAtStart[0].toFixed(2)} on ${os.cpus().length} CPUs: figures will be noisy.`);
  }
  const db = await createBenchDatabase();
  const app = await startApp(db.url);
  await ensureArticle(db.pool);
  const slugs = await discoverSlugs(db.pool);
  console.log(`App on ${app.base} (database: ${db.kind}); campaign "${slugs.campaign ?? "none"}", post "${slugs.post ?? "none"}".`);
  let failed = 0;
  for (const scenario of chosen) {
    if (wasInterrupted()) break;
    console.log(`\n== ${scenario.title}`);
    try {
      const result = await scenario.run({ options, db, app, slugs });
      if (wasInterrupted()) break;
      for (const note of result.notes) console.log(`note: ${note}`);
      if (result.markdown) console.log(result.markdown);
      const file = writeResult({
        ...result,
        scenario: scenario.name,
        title: scenario.title,
        finishedAt: new Date().toISOString(),
        machine: machineInfo(db.kind, loadAtStart),
        options,
      });
      console.log(`→ ${result.status}, ${file}`);
    } catch (error) {
      if (wasInterrupted()) break;
      failed += 1;
      console.error(`${scenario.name} failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
    }
  }
  if (wasInterrupted()) return 130;
  updateDoc(SCENARIOS.map((s) => s.name));
  console.log("\ndocs/performance.md updated.");
  return failed ? 1 : 0;
}

main()
  .catch((error: unknown) => {
    if (error instanceof UsageError) console.error(error.message);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    return error instanceof UsageError ? 2 : 1;
  })
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
