// Budget: every public page type may add at most 15 kB of gzip JavaScript to what the emptiest
// page of the same build loads (Next's prerendered 404 page: framework and root layout, no page
// code). Byte counts only, never timings. Each page type is seeded with its own unique slugs and
// checked to show that content, so a page that failed to render cannot pass as "light".
import { expect, test } from "@playwright/test";
import { withDb } from "./fixtures/db";
import { EMPTY_PAGE_PATH, measurePageWeight } from "../test/support/page-weight";
import { flushPublicCache } from "./fixtures/public-cache";

const BUDGET_BYTES = 15 * 1024;

// Bytes, not policy: the prerendered 404 page has no per-request CSP nonce, so under the site's
// policy its scripts would not even load and the baseline would be empty.
test.use({ bypassCSP: true });

test("every public page type stays within 15 kB of gzip JS over an empty page of the same build", async ({ page }) => {
  const s = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  await withDb(async (db) => {
    const campaign = await db.campaign.create({
      data: {
        slug: `budget-${s}`,
        title: `Budget appeal ${s}`,
        summary: "Weighed.",
        story: "## Why\n\nA story with a [link](https://example.org).",
        goalAmount: 1000n,
        currency: "JPY",
        status: "published",
        publishedAt: new Date(),
      },
    });
    const category = await db.category.create({ data: { slug: `weighed-${s}`, name: `Weighed ${s}` } });
    const series = await db.series.create({ data: { slug: `scales-${s}`, title: `Scales ${s}` } });
    await db.post.create({
      data: {
        slug: `weighed-article-${s}`,
        title: `Weighed article ${s}`,
        excerpt: "An article on the scales.",
        body: "## A heading\n\nSome text, a list:\n\n- one\n- two\n",
        status: "published",
        publishedAt: new Date(Date.now() - 60_000),
        categoryId: category.id,
        seriesId: series.id,
        seriesPart: 1,
        campaigns: { create: { campaignId: campaign.id } },
      },
    });
  });
  await flushPublicCache();

  // Each page type with something only that page shows.
  const pages: { path: string; shows: string }[] = [
    { path: "/", shows: `Budget appeal ${s}` },
    { path: "/campaigns", shows: `Budget appeal ${s}` },
    { path: `/campaigns/budget-${s}`, shows: `Budget appeal ${s}` },
    { path: `/campaigns/budget-${s}/donate`, shows: `Budget appeal ${s}` },
    { path: "/news", shows: `Weighed article ${s}` },
    { path: `/news/weighed-article-${s}`, shows: `Weighed article ${s}` },
    { path: `/news/category/weighed-${s}`, shows: `Weighed ${s}` },
    { path: `/news/series/scales-${s}`, shows: `Scales ${s}` },
  ];

  const empty = await measurePageWeight(page, EMPTY_PAGE_PATH);
  expect(empty.status).toBe(404);
  // The baseline must load Next's runtime, or the comparison below would prove nothing.
  expect(empty.jsFiles.length).toBeGreaterThan(0);

  for (const { path, shows } of pages) {
    const weight = await measurePageWeight(page, path);
    expect(weight.status, path).toBe(200);
    await expect(page.getByText(shows).first(), path).toBeVisible();
    const extra = weight.jsGzipBytes - empty.jsGzipBytes;
    expect(extra, `${path} adds ${extra} gzip bytes of JS: ${weight.jsFiles.join(", ")}`).toBeLessThanOrEqual(BUDGET_BYTES);
  }
});
