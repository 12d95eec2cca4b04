// A throw-away database for one bench run, the way scripts/with-test-db.ts does it:
// TEST_DATABASE_URL (local server only) gets a fresh database that is dropped afterwards;
// otherwise an in-memory embedded PostgreSQL (PGlite). Migrated and seeded with the demo data.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { env } from "@/lib/env";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/scripts/lib/migrate";
import { seedDemo, type SeedResult } from "@/prisma/seed";
import { onCleanup } from "./processes";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export type BenchDatabase = {
  url: string;
  /** "postgresql" (a real server) or "pglite" (one transaction at a time: write figures are not representative). */
  kind: "postgresql" | "pglite";
  seed: SeedResult;
  pool: pg.Pool;
};

async function createOnServer(serverUrl: string): Promise<string> {
  const url = new URL(serverUrl);
  if (!LOCAL_HOSTS.has(url.hostname)) throw new Error(`Refusing TEST_DATABASE_URL on "${url.hostname}": the bench only uses a local server.`);
  const name = `safe_passage_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  onCleanup(`drop database ${name}`, async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  let url: string;
  let kind: BenchDatabase["kind"];
  if (env.TEST_DATABASE_URL) {
    url = await createOnServer(env.TEST_DATABASE_URL);
    kind = "postgresql";
  } else {
    const embedded = await startEmbeddedPostgres({});
    onCleanup("embedded PostgreSQL", embedded.stop);
    url = embedded.url;
    kind = "pglite";
    console.log("note: TEST_DATABASE_URL is unset, using embedded PGlite (one transaction at a time): write figures are not representative.");
  }
  await migrate(url);
  const seed = await seedDemo(url);
  const pool = new pg.Pool({ connectionString: url, max: kind === "pglite" ? 4 : 24 });
  // An idle connection ended by the server (e.g. another process terminating backends) must not
  // crash the run: the pool drops it and opens a new one on the next query.
  pool.on("error", (error) => console.error(`note: bench pool connection lost: ${error.message}`));
  onCleanup("bench pool", () => pool.end());
  return { url, kind, seed, pool };
}

/** Published slugs to measure: the first campaign and the first post, if any. */
export async function discoverSlugs(pool: pg.Pool): Promise<{ campaign?: string; campaignId?: string; post?: string }> {
  const campaign = await pool.query<{ id: string; slug: string }>(
    `SELECT id, slug FROM "Campaign" WHERE status = 'published' ORDER BY "createdAt" LIMIT 1`,
  );
  const post = await pool.query<{ slug: string }>(
    `SELECT slug FROM "Post" WHERE status = 'published' AND ("publishedAt" IS NULL OR "publishedAt" <= now()) ORDER BY "publishedAt" DESC NULLS LAST LIMIT 1`,
  );
  return { campaign: campaign.rows[0]?.slug, campaignId: campaign.rows[0]?.id, post: post.rows[0]?.slug };
}
