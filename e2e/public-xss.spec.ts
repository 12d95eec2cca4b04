// Hostile markdown in an article and a campaign story renders inert in a real browser.
import { expect, test, type Page } from "@playwright/test";
import { HOSTILE_MARKDOWN } from "../test/support/hostile-markdown";
import { withDb } from "./fixtures/db";
import { flushPublicCache } from "./fixtures/public-cache";

async function expectInert(page: Page, root: string) {
  await expect(page.locator(`${root} .prose`)).toBeVisible();
  // "load" waits for every image to load or fail, so any onerror handler would have run by now.
  await page.waitForLoadState("load");
  expect(
    await page.locator(`${root} .prose script, ${root} .prose iframe, ${root} .prose style`).count(),
  ).toBe(0);
  const offences = await page
    .locator(`${root} .prose`)
    .evaluate((body) =>
      [...body.querySelectorAll("*")].flatMap((el) =>
        [...el.attributes]
          .filter(
            (a) =>
              /^on/i.test(a.name) ||
              a.name === "style" ||
              a.name === "srcdoc" ||
              (/^(href|src|action|formaction|data)$/i.test(a.name) &&
                /^\s*(javascript|data|vbscript):/i.test(a.value)),
          )
          .map((a) => `${el.tagName} ${a.name}=${a.value}`),
      ),
    );
  expect(offences).toEqual([]);
}

test("hostile markdown renders inert in articles and campaign stories", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const s = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
  await withDb(async (db) => {
    const category = await db.category.create({ data: { slug: `xss-${s}`, name: `Security ${s}` } });
    await db.post.create({
      data: {
        slug: `hostile-${s}`,
        title: `Hostile ${s}`,
        body: HOSTILE_MARKDOWN,
        status: "published",
        publishedAt: new Date(Date.now() - 60_000),
        categoryId: category.id,
      },
    });
    await db.campaign.create({
      data: {
        slug: `hostile-${s}`,
        title: `Hostile appeal ${s}`,
        summary: "<img src=x onerror=alert('summary')>",
        story: HOSTILE_MARKDOWN,
        goalAmount: 1000n,
        currency: "USD",
        status: "published",
      },
    });
  });
  await flushPublicCache();

  await page.goto(`/news/hostile-${s}`);
  await expect(page.getByRole("heading", { level: 1, name: `Hostile ${s}` })).toBeVisible();
  await expectInert(page, "article");
  // The text of escaped markup is shown as text.
  await expect(page.getByText("<script>alert('escaped')</script>")).toBeVisible();

  await page.goto(`/campaigns/hostile-${s}`);
  await expect(page.getByText("<img src=x onerror=alert('summary')>").first()).toBeVisible();
  await expectInert(page, "article");

  expect(dialogs).toEqual([]);
});
