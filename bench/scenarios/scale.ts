// Scenario 6: latency as donations grow. Donations are added with one INSERT … SELECT
// generate_series per size (cumulative), campaign totals refreshed, then each URL is sampled.
import type pg from "pg";
import { PATHS } from "../config";
import { createAdmin } from "../lib/content";
import { sampleLatency, statusOf, type Sample } from "../lib/sample";
import { signIn } from "../lib/session";
import { ratio } from "../lib/stats";
import { fmt, table, type BenchContext, type Scenario, type ScenarioResult } from "../lib/types";

const DEEP_HOPS = 10;

async function growDonations(pool: pg.Pool, target: number): Promise<void> {
  const current = Number((await pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "Donation"`)).rows[0]?.n ?? 0);
  if (current >= target) return;
  const campaigns = (await pool.query<{ id: string; currency: string }>(`SELECT id, currency FROM "Campaign" WHERE status = 'published' ORDER BY id`)).rows;
  // Spread over the demo campaigns; a unique receiptToken per row; one gift every ~10.5 minutes
  // going back in time (100 000 gifts span two years: a busy small NGO, not 2 000 gifts a day).
  // A bulk load of tens of thousands of gifts in ONE statement is the worst case of the running-
  // totals trigger (every row updates the same CampaignTotals row inside one transaction, and
  // PostgreSQL walks all those row versions: quadratic). The app never writes gifts in bulk; the
  // bench loads with the trigger off and rebuilds the running totals the way the migration does.
  await pool.query(`ALTER TABLE "Donation" DISABLE TRIGGER "Donation_campaign_running_totals"`);
  try {
    await pool.query(
      `INSERT INTO "Donation" (id, "campaignId", amount, currency, status, "receiptToken", "donorEmail", "displayName", "receivedAt", "createdAt", "updatedAt")
       SELECT 'bench_' || md5(random()::text || i), ($1::text[])[1 + i % $3], 500 + (i % 97) * 100, ($2::text[])[1 + i % $3],
              'succeeded', md5(random()::text || i), 'donor' || i || '@example.org', CASE WHEN i % 3 = 0 THEN NULL ELSE 'D. ' || (i % 26) END,
              now() - make_interval(secs => i * 631), now(), now()
         FROM generate_series($4::int, $5::int) AS i`,
      [campaigns.map((c) => c.id), campaigns.map((c) => c.currency), campaigns.length, current + 1, target],
    );
  } finally {
    await pool.query(`ALTER TABLE "Donation" ENABLE TRIGGER "Donation_campaign_running_totals"`);
  }
  await pool.query(`
    DELETE FROM "CampaignDonor";
    INSERT INTO "CampaignDonor" ("campaignId", "donorKey", "gifts")
    SELECT "campaignId", md5(COALESCE(lower("donorEmail"), "stripeSubscriptionId", "id")), COUNT(*)::int
      FROM "Donation" WHERE "status" IN ('succeeded', 'refunded', 'disputed') AND "amount" > "refundedAmount" + "withheldAmount" GROUP BY 1, 2;
    INSERT INTO "CampaignTotals" ("campaignId", "raised", "donors")
    SELECT c."id",
           COALESCE((SELECT SUM(GREATEST(d."amount" - d."refundedAmount" - d."withheldAmount", 0)) FROM "Donation" d
                      WHERE d."campaignId" = c."id" AND d."status" IN ('succeeded', 'refunded', 'disputed')), 0)::bigint,
           (SELECT COUNT(*) FROM "CampaignDonor" k WHERE k."campaignId" = c."id")::int
      FROM "Campaign" c
    ON CONFLICT ("campaignId") DO UPDATE SET "raised" = EXCLUDED."raised", "donors" = EXCLUDED."donors"`);
  await pool.query(`
    UPDATE "Campaign" c SET "raisedAmount" = t.raised, "donorCount" = t.donors
      FROM (SELECT "campaignId", SUM(GREATEST(amount - "refundedAmount" - "withheldAmount", 0))::bigint AS raised,
                   COUNT(DISTINCT COALESCE(lower("donorEmail"), "stripeSubscriptionId", id)) FILTER (WHERE amount > "refundedAmount" + "withheldAmount")::int AS donors
              FROM "Donation" WHERE status IN ('succeeded', 'refunded', 'disputed') GROUP BY "campaignId") t
     WHERE c.id = t."campaignId"`);
  // What autovacuum does on a live table (statistics and the visibility map for index-only scans).
  await pool.query(`VACUUM ANALYZE "Donation"`);
}

/** A donations-list page deep in the table: from the configured cursor URL at the middle row,
 *  or by following rel="next" DEEP_HOPS times. */
async function findDeepPage(base: string, cookie: string, pool: pg.Pool, size: number): Promise<string | null> {
  if (PATHS.dashboardDonationsAfter) {
    const row = await pool.query<{ id: string; receivedAt: Date }>(
      `SELECT id, "receivedAt" FROM "Donation" ORDER BY "receivedAt" DESC, id DESC OFFSET $1 LIMIT 1`,
      [Math.floor(size / 2)],
    );
    if (row.rows[0]) return base + PATHS.dashboardDonationsAfter(row.rows[0]);
  }
  let url = base + PATHS.dashboardDonations;
  for (let hop = 0; hop < DEEP_HOPS; hop += 1) {
    const html = await fetch(url, { headers: { cookie } }).then((r) => r.text(), () => "");
    const match = PATHS.nextPageLink.exec(html);
    const href = (match?.[1] ?? match?.[2])?.replaceAll("&amp;", "&");
    if (!href) return hop === 0 ? null : url;
    url = new URL(href, base).toString();
  }
  return url;
}

type Target = { name: string; url: string; cookie?: string };

async function targets(ctx: BenchContext, notes: string[]): Promise<Target[]> {
  const { app, slugs, db, options } = ctx;
  const list: Target[] = [{ name: "home", url: app.base + PATHS.home }];
  if (slugs.campaign) list.push({ name: "campaign page", url: app.base + PATHS.campaign(slugs.campaign) });
  // Credentials: given on the command line, else the demo account seedDemo reports, else our own admin.
  const given = options.email && options.password ? { email: options.email, password: options.password } : db.seed.signIn;
  const account = given ?? (await createAdmin(db.pool));
  const session = await signIn(app.base, account.email, account.password);
  if ("error" in session) {
    notes.push(`dashboard skipped: ${session.error}.`);
    return list;
  }
  list.push(
    { name: "dashboard overview", url: app.base + PATHS.dashboardOverview, cookie: session.cookie },
    { name: "donations list, first page", url: app.base + PATHS.dashboardDonations, cookie: session.cookie },
  );
  return list;
}

export const scale: Scenario = {
  name: "scale",
  title: "6. Scale: p50/p95 as donations grow",
  async run(ctx): Promise<ScenarioResult> {
    const notes: string[] = [];
    const sizes = [...ctx.options.scaleSizes].sort((a, b) => a - b);
    const all = await targets(ctx, notes);
    const results = new Map<string, Map<number, Sample>>();
    for (const size of sizes) {
      const started = performance.now();
      await growDonations(ctx.db.pool, size);
      console.log(`  ${size} donations (seeded in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
      const sizeTargets = [...all];
      const listTarget = all.find((t) => t.name.startsWith("donations list"));
      if (listTarget?.cookie) {
        const deep = await findDeepPage(ctx.app.base, listTarget.cookie, ctx.db.pool, size);
        if (deep) sizeTargets.push({ name: `donations list, deep page`, url: deep, cookie: listTarget.cookie });
        else if (size === sizes[0]) notes.push('donations list: no rel="next" link found on the first page: deep page not measured (see PATHS.nextPageLink).');
      }
      for (const target of sizeTargets) {
        const headers = target.cookie ? { cookie: target.cookie } : undefined;
        const status = await statusOf(target.url, headers);
        if (status !== 200) {
          if (size === sizes[0]) notes.push(`${target.name} ${target.url.replace(ctx.app.base, "")} answered ${status}: skipped.`);
          continue;
        }
        const sample = await sampleLatency(target.url, { count: ctx.options.scaleSamples, concurrency: 4, headers });
        const bySize = results.get(target.name) ?? new Map<number, Sample>();
        bySize.set(size, sample);
        results.set(target.name, bySize);
        console.log(`    ${target.name.padEnd(28)} p50 ${fmt(sample.p50Ms)} ms  p95 ${fmt(sample.p95Ms)} ms${sample.errors ? `  errors ${sample.errors}` : ""}`);
      }
    }
    const first = sizes[0] ?? 0;
    const last = sizes[sizes.length - 1] ?? 0;
    const header = ["URL", ...sizes.flatMap((s) => [`${s.toLocaleString("en-US")} p50`, "p95"]), `p50 growth ${first}→${last}`];
    const rows = [...results].map(([name, bySize]) => [
      name,
      ...sizes.flatMap((s) => [fmt(bySize.get(s)?.p50Ms), fmt(bySize.get(s)?.p95Ms)]),
      fmt(ratio(bySize.get(last)?.p50Ms ?? Number.NaN, bySize.get(first)?.p50Ms ?? Number.NaN), 2) + "×",
    ]);
    notes.push(`${ctx.options.scaleSamples} requests per URL and size, 4 at a time; times in ms.`);
    const data = Object.fromEntries([...results].map(([name, bySize]) => [name, Object.fromEntries(bySize)]));
    const complete = results.size >= 5;
    return { status: complete ? "ok" : "partial", notes, markdown: table(header, rows), data };
  },
};
