// Query budget of the campaign page: the SQL statements the app sends to render it, counted by
// the proxy the e2e server reaches PostgreSQL through (test/support/statement-counter.ts, set up
// in playwright.config.ts), for the app's own connections (application_name "safe-passage"). Cold, right after a cache flush, the page may send at
// most COLD_BUDGET statements; warm, it must send none, because public reads are cached and the
// totals it shows are denormalised columns. Specs run one at a time, so nothing else queries
// between two readings of the counter.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { counterBase } from "../playwright.config";
import { withDb } from "./fixtures/db";
import { flushPublicCache } from "./fixtures/public-cache";

/**
 * One getPublicCampaign read, shared by generateMetadata and the page: Prisma sends one statement
 * for the campaign and one per relation (mission updates, article links, articles, latest messages).
 */
const COLD_BUDGET = 5;

type QueryLog = { count: number; recent: string[] };

async function queryLog(request: APIRequestContext): Promise<QueryLog> {
  const response = await request.get(`${counterBase}/log?app=safe-passage`);
  expect(response.status(), "the statement counter answers").toBe(200);
  return (await response.json()) as QueryLog;
}

/** Statements sent while the page renders (count and text), and the HTML it answered. */
async function render(request: APIRequestContext, path: string): Promise<{ queries: number; sql: string; html: string }> {
  const before = await queryLog(request);
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  const after = await queryLog(request);
  const queries = after.count - before.count;
  return { queries, sql: after.recent.slice(-queries).join("\n"), html };
}

test("the campaign page reads the campaign once when cold and the database never when warm", async ({ request }) => {
  const s = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const slug = `counted-${s}`;
  await withDb(async (db) => {
    const campaign = await db.campaign.create({
      data: {
        slug,
        title: `Counted appeal ${s}`,
        summary: "Every query counted.",
        story: "## The route\n\nTwo borders, one flight.",
        goalAmount: 500_000n,
        currency: "JPY",
        raisedAmount: 12_345n,
        donorCount: 3,
        status: "published",
        publishedAt: new Date(),
        updates: { create: [{ stage: "funded", publicNote: `Funded in full ${s}` }] },
      },
    });
    const category = await db.category.create({ data: { slug: `counted-${s}`, name: `Counted ${s}` } });
    await db.post.create({
      data: {
        slug: `counted-article-${s}`,
        title: `Counted article ${s}`,
        body: "Text.",
        status: "published",
        publishedAt: new Date(Date.now() - 60_000),
        categoryId: category.id,
        campaigns: { create: { campaignId: campaign.id } },
      },
    });
    await db.donation.createMany({
      data: [1, 2, 3].map((i) => ({
        campaignId: campaign.id,
        amount: 1_000 * i,
        currency: "JPY",
        status: "succeeded" as const,
        receiptToken: `counted-${s}-${i}`,
        displayName: `D. ${i}`,
        message: `Message ${i} ${s}`,
      })),
    });
  });
  await flushPublicCache();

  const cold = await render(request, `/campaigns/${slug}`);
  // The page really rendered from the database: title, timeline, article, messages and total.
  for (const text of [`Counted appeal ${s}`, `Funded in full ${s}`, `Counted article ${s}`, `Message 3 ${s}`, "12,345"]) {
    expect(cold.html, text).toContain(text);
  }
  expect(cold.queries, "statements for a cold render").toBeGreaterThan(0);
  expect(cold.queries, `statements for a cold render:\n${cold.sql}`).toBeLessThanOrEqual(COLD_BUDGET);

  const warm = await render(request, `/campaigns/${slug}`);
  expect(warm.html).toContain(`Counted appeal ${s}`);
  expect(warm.queries, `statements for a warm render:\n${warm.sql}`).toBe(0);

  // The same page for a different campaign is its own cache entry: cold again.
  const other = await withDb((db) =>
    db.campaign.create({
      data: { slug: `${slug}-b`, title: `Counted appeal B ${s}`, summary: "Second.", goalAmount: 1_000n, currency: "JPY", status: "published" },
    }),
  );
  await flushPublicCache();
  const second = await render(request, `/campaigns/${other.slug}`);
  expect(second.queries).toBeGreaterThan(0);
  expect(second.queries, `statements for another campaign, cold:\n${second.sql}`).toBeLessThanOrEqual(COLD_BUDGET);
});

test("the app has no test-only routes: a production build answers 404 there", async ({ request }) => {
  for (const path of ["/api/test/query-count", "/api/test", "/test-checkout/cs_test_x"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});
