// Budget: a public page may add at most 15 kB of gzip JavaScript to what the emptiest page of
// the same build loads (Next's prerendered 404 page: framework and root layout, no page code).
// Byte counts only, never timings. Add each public page type to `pages` as it lands
// (campaign page, news article), seeded with its own unique slug.
import { expect, test } from "@playwright/test";
import { withDb } from "./fixtures/db";
import { EMPTY_PAGE_PATH, measurePageWeight } from "./fixtures/page-weight";

const BUDGET_BYTES = 15 * 1024;

// Bytes, not policy: the prerendered 404 page has no per-request CSP nonce, so under the site's
// policy its scripts would not even load and the baseline would be empty.
test.use({ bypassCSP: true });

test("public pages stay within 15 kB of gzip JS over an empty page of the same build", async ({ page }) => {
  const suffix = Date.now().toString(36);
  await withDb((db) =>
    db.campaign.create({
      data: { slug: `budget-${suffix}`, title: `Budget appeal ${suffix}`, summary: "Weighed.", goalAmount: 1000, currency: "JPY", status: "published" },
    }),
  );
  const pages = ["/"];

  const empty = await measurePageWeight(page, EMPTY_PAGE_PATH);
  expect(empty.status).toBe(404);
  // The baseline must load Next's runtime, or the comparison below would prove nothing.
  expect(empty.jsFiles.length).toBeGreaterThan(0);

  for (const path of pages) {
    const weight = await measurePageWeight(page, path);
    expect(weight.status, path).toBe(200);
    if (path === "/") await expect(page.getByRole("heading", { name: `Budget appeal ${suffix}` })).toBeVisible();
    const extra = weight.jsGzipBytes - empty.jsGzipBytes;
    expect(extra, `${path} adds ${extra} gzip bytes of JS: ${weight.jsFiles.join(", ")}`).toBeLessThanOrEqual(BUDGET_BYTES);
  }
});
