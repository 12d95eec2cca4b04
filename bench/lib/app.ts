// Starts the production build of the app (`next start`) against the bench database.
import { createHmac, randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIfStale, nextBin } from "@/scripts/lib/build-if-stale";
import { childEnv } from "@/lib/env";
import { freePort } from "@/lib/db/embedded";
import { REFERENCE_DIR } from "../config";
import { onCleanup, startProcess, tailOutput } from "./processes";

export const SERVER_LOG = "bench/results/next-server.log.tmp";

export type RunningApp = {
  base: string;
  port: number;
  webhookSecret: string;
  referenceFile: (name: string) => string;
  /** Expires the public data cache (POST /api/cache), so the next render reads the database. */
  flushCache: () => Promise<void>;
};

/** Names of the same-size static references; the files must exist before `next start`,
 *  because Next lists public/ once at start-up. Their bytes are written later. */
export const REFERENCE_NAMES = ["home", "campaign", "news"] as const;

function prepareReferences(): (name: string) => string {
  const existed = existsSync("public");
  mkdirSync(REFERENCE_DIR, { recursive: true });
  for (const name of REFERENCE_NAMES) writeFileSync(path.join(REFERENCE_DIR, `${name}.html`), "");
  // Removed afterwards so they never ship and never change the build fingerprint.
  onCleanup("static references", () => rmSync(existed ? REFERENCE_DIR : "public", { recursive: true, force: true }));
  return (name) => path.join(REFERENCE_DIR, `${name}.html`);
}

/** Waits until `url` answers below 500 (or with any status when `anyStatus`). */
export async function waitForHttp(url: string, timeoutMs: number, isDead: () => boolean, anyStatus = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isDead()) throw new Error(`process exited before ${url} answered`);
    const status = await fetch(url).then((r) => r.status, () => 0);
    if (status > 0 && (anyStatus || status < 500)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export async function startApp(databaseUrl: string, portWanted?: number): Promise<RunningApp> {
  const port = portWanted ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const webhookSecret = `whsec_bench_${randomBytes(16).toString("hex")}`;
  const appSecret = randomBytes(32).toString("hex");
  // The key POST /api/cache expects: derivedSecret("public-cache") in lib/env.ts.
  const cacheKey = createHmac("sha256", appSecret).update("public-cache").digest("hex");
  const env = childEnv({
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    APP_URL: base,
    APP_SECRET: appSecret,
    NEXT_TELEMETRY_DISABLED: "1",
    // For the donations code after merge: signed test events, and a dummy key (Stripe is never called).
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_SECRET_KEY: "sk_test_bench_not_a_real_key",
    NEXTAUTH_URL: base,
  });
  await buildIfStale(env);
  const referenceFile = prepareReferences();
  const child = startProcess("next start", process.execPath, [nextBin(), "start", "-H", "127.0.0.1", "-p", String(port)], { env });
  const tail = tailOutput(child);
  // Everything Next prints goes to a git-ignored log: errors during a burst show up there.
  const log = createWriteStream(SERVER_LOG);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  try {
    await waitForHttp(`${base}/api/health`, 60_000, () => child.exitCode !== null);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error}\n--- next start said:\n${tail()}`);
  }
  const flushCache = async () => {
    const response = await fetch(`${base}/api/cache`, { method: "POST", headers: { authorization: `Bearer ${cacheKey}` } });
    if (response.status !== 200) throw new Error(`POST /api/cache answered ${response.status}`);
  };
  return { base, port, webhookSecret, referenceFile, flushCache };
}
