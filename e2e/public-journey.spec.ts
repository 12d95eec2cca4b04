// A visitor reads the home page, opens an appeal, follows its article through a series into a
// category archive and the feed. Totals match the database; a held-back mission update stays
// invisible until its time; drafts and scheduled articles are not found.
import { expect, test } from "@playwright/test";
import { formatMoney } from "../lib/money";
import { withDb } from "./fixtures/db";
import { flushPublicCache } from "./fixtures/public-cache";

test("a visitor's journey from the home page to the feed", async ({ page, request }) => {
  const s = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
  const now = Date.now();
  const heldBackNote = `Held-back note ${s}: everyone crossed safely`;
  const { campaignId } = await withDb(async (db) => {
    const category = await db.category.create({ data: { slug: `journeys-${s}`, name: `Journeys ${s}` } });
    const series = await db.series.create({ data: { slug: `route-${s}`, title: `The route ${s}` } });
    const campaign = await db.campaign.create({
      data: {
        slug: `appeal-${s}`,
        title: `Appeal ${s}`,
        summary: "Four people waiting for the last stage of their journey.",
        story: "## Why now\n\nThe season is turning.",
        goalAmount: 900_000n,
        currency: "JPY",
        deadline: new Date(now + 10 * 86_400_000),
        status: "published",
        stage: "funded",
        peopleCount: 4,
        raisedAmount: 123_456n,
        donorCount: 3,
        updates: {
          create: [
            {
              stage: "awaiting_funds",
              publicNote: `Appeal opened ${s}.`,
              publishAt: new Date(now - 86_400_000),
            },
            {
              stage: "funded",
              fromStage: "awaiting_funds",
              publicNote: heldBackNote,
              publishAt: new Date(now + 8_000),
            },
          ],
        },
      },
    });
    const common = { categoryId: category.id, seriesId: series.id, status: "published" as const };
    const part1 = await db.post.create({
      data: {
        ...common,
        slug: `part-1-${s}`,
        title: `Part one ${s}`,
        body: "The first days.",
        seriesPart: 1,
        publishedAt: new Date(now - 2 * 86_400_000),
        campaigns: { create: { campaignId: campaign.id } },
      },
    });
    await db.post.create({
      data: {
        ...common,
        slug: `part-2-${s}`,
        title: `Part two ${s}`,
        body: "The waiting.",
        seriesPart: 2,
        publishedAt: new Date(now - 86_400_000),
      },
    });
    await db.post.create({
      data: {
        categoryId: category.id,
        slug: `draft-${s}`,
        title: `Draft ${s}`,
        body: "Not yet.",
        status: "draft",
      },
    });
    await db.post.create({
      data: {
        categoryId: category.id,
        slug: `future-${s}`,
        title: `Future ${s}`,
        body: "Later.",
        status: "published",
        publishedAt: new Date(now + 7 * 86_400_000),
      },
    });
    await db.campaign.create({
      data: {
        slug: `draft-appeal-${s}`,
        title: `Draft appeal ${s}`,
        summary: "x",
        goalAmount: 1n,
        currency: "JPY",
      },
    });
    // Nearer its goal than the appeal above, so listed after it among the urgent ones.
    await db.campaign.create({
      data: {
        slug: `nearly-${s}`,
        title: `Nearly there ${s}`,
        summary: "x",
        goalAmount: 1000n,
        raisedAmount: 900n,
        donorCount: 1,
        currency: "USD",
        status: "published",
        deadline: new Date(now + 5 * 86_400_000),
      },
    });
    await db.campaign.create({
      data: {
        slug: `closed-${s}`,
        title: `Closed appeal ${s}`,
        summary: "x",
        goalAmount: 1000n,
        raisedAmount: 1000n,
        donorCount: 2,
        currency: "EUR",
        status: "closed",
      },
    });
    expect(part1.id).toBeTruthy();
    return { campaignId: campaign.id };
  });
  await flushPublicCache();

  // Home: the urgent appeal is listed; the draft one is not.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Urgent appeals" })).toBeVisible();
  await expect(page.getByText(`Draft appeal ${s}`)).toHaveCount(0);
  const urgent = page.locator("section", { has: page.getByRole("heading", { name: "Urgent appeals" }) });
  const urgentTitles = await urgent.getByRole("heading", { level: 3 }).allTextContents();
  expect(urgentTitles.indexOf(`Appeal ${s}`)).toBeGreaterThanOrEqual(0);
  expect(urgentTitles.indexOf(`Appeal ${s}`)).toBeLessThan(urgentTitles.indexOf(`Nearly there ${s}`));
  expect(urgentTitles).not.toContain(`Closed appeal ${s}`);
  await page.getByRole("link", { name: `Appeal ${s}`, exact: true }).click();

  // Campaign page: totals from the database, public stage before the held-back update.
  await expect(page.getByRole("heading", { level: 1, name: `Appeal ${s}` })).toBeVisible();
  const stored = await withDb((db) => db.campaign.findUniqueOrThrow({ where: { id: campaignId } }));
  await expect(page.getByTestId("raised")).toHaveText(formatMoney(stored.raisedAmount, stored.currency));
  await expect(page.getByTestId("donors")).toHaveText(String(stored.donorCount));
  await expect(page.getByRole("progressbar")).toHaveAttribute(
    "value",
    String((stored.raisedAmount * 100n) / stored.goalAmount),
  );
  await expect(page.getByRole("link", { name: "Donate" })).toHaveAttribute(
    "href",
    `/campaigns/appeal-${s}/donate`,
  );
  await expect(page.getByTestId("public-stage")).toHaveText("Awaiting funds");
  await expect(page.getByText(`Appeal opened ${s}.`)).toBeVisible();
  await expect(page.getByText(heldBackNote)).toHaveCount(0);
  expect(await page.content()).not.toContain(heldBackNote);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", `Appeal ${s}`);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect((await request.get(new URL(ogImage!).pathname)).headers()["content-type"]).toBe("image/png");

  // Filtering by stage uses the public stage too: the held-back move is not revealed.
  await page.goto("/campaigns?stage=funded");
  await expect(page.getByRole("link", { name: `Appeal ${s}`, exact: true })).toHaveCount(0);
  await page.goto("/campaigns?stage=awaiting_funds");
  await page.getByRole("link", { name: `Appeal ${s}`, exact: true }).click();

  // The linked article, then the next part of its series, then its category archive.
  await page.getByRole("link", { name: `Part one ${s}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Part one ${s}` })).toBeVisible();
  await expect(page.getByRole("progressbar")).toBeVisible();
  await page.getByRole("link", { name: /Next part/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Part two ${s}` })).toBeVisible();
  await page.getByRole("link", { name: `Journeys ${s}` }).click();
  await expect(page).toHaveURL(new RegExp(`/news/category/journeys-${s}$`));
  await expect(page.getByRole("link", { name: `Part one ${s}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Part two ${s}` })).toBeVisible();
  await expect(page.getByText(`Future ${s}`)).toHaveCount(0);
  await expect(page.getByText(`Draft ${s}`)).toHaveCount(0);

  // The feed: published parts with absolute links, nothing scheduled or drafted.
  const feed = await (await request.get("/feed.xml")).text();
  expect(feed).toContain(`Part two ${s}`);
  expect(feed).toMatch(new RegExp(`href="http://[^"]+/news/part-1-${s}"`));
  expect(feed).not.toContain(`Future ${s}`);
  expect(feed).not.toContain(`Draft ${s}`);

  // A closed campaign says so and offers no way to give.
  await page.goto(`/campaigns/closed-${s}`);
  await expect(page.getByText("This campaign is closed")).toBeVisible();
  await expect(page.getByRole("link", { name: "Donate" })).toHaveCount(0);

  // Drafts and scheduled articles, and draft campaigns, are not found.
  for (const path of [`/news/draft-${s}`, `/news/future-${s}`, `/campaigns/draft-appeal-${s}`]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }

  // Once its time has come, the held-back update appears, and the public stage with it.
  await expect
    .poll(
      async () => {
        await page.goto(`/campaigns/appeal-${s}`);
        return page.getByText(heldBackNote).count();
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe(1);
  await expect(page.getByTestId("public-stage")).toHaveText("Funded");
  await page.goto("/campaigns?stage=funded");
  await expect(page.getByRole("link", { name: `Appeal ${s}`, exact: true })).toBeVisible();
});
