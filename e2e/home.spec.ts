import { expect, test } from "@playwright/test";
import { withDb } from "./fixtures/db";
import { flushPublicCache } from "./fixtures/public-cache";

test("the home page lists published campaigns and hides drafts", async ({ page }) => {
  const suffix = Date.now().toString(36);
  await withDb((db) =>
    db.campaign.createMany({
      data: [
        { slug: `open-${suffix}`, title: `Open appeal ${suffix}`, summary: "Visible.", goalAmount: 1000n, currency: "JPY", status: "published" },
        { slug: `draft-${suffix}`, title: `Draft appeal ${suffix}`, summary: "Hidden.", goalAmount: 1000n, currency: "JPY", status: "draft" },
      ],
    }),
  );
  await flushPublicCache();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: `Open appeal ${suffix}` })).toBeVisible();
  await expect(page.getByText(`Draft appeal ${suffix}`)).toHaveCount(0);
});
