// Every kind of public page passes axe's WCAG 2.1 A/AA rules, on a desktop and a phone screen.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { seedDemo } from "../prisma/seed";
import { flushPublicCache } from "./fixtures/public-cache";

const PAGES = {
  home: "/",
  campaigns: "/campaigns",
  "campaigns filtered": "/campaigns?stage=in_progress",
  campaign: "/campaigns/seven-waiting-for-safe-passage",
  "closed campaign": "/campaigns/a-family-reunited-in-safety",
  news: "/news",
  article: "/news/seven-people-an-update",
  "series article": "/news/the-long-road-south-part-2",
  category: "/news/category/rescue-reports",
  series: "/news/series/the-long-road-south",
  "not found": "/news/no-such-article",
};

test.beforeAll(async () => {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  await seedDemo(process.env.DATABASE_URL);
  await flushPublicCache();
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`public pages have no accessibility violations (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const results: Record<string, string[]> = {};
    for (const [name, path] of Object.entries(PAGES)) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Every page can be shared: Open Graph and Twitter tags with an image.
      await expect(page.locator('meta[property="og:title"]'), name).toHaveCount(1);
      await expect(page.locator('meta[property="og:image"]').first(), name).toHaveAttribute(
        "content",
        /^http/,
      );
      await expect(page.locator('meta[name="twitter:card"]'), name).toHaveAttribute(
        "content",
        "summary_large_image",
      );
      const { violations } = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      results[name] = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
    expect(results).toEqual(Object.fromEntries(Object.keys(PAGES).map((k) => [k, []])));
  });
}
