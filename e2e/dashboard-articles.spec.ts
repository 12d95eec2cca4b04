// Article scheduling in the site's time zone, and categories and series renamed and deleted.
import { expect, test } from "@playwright/test";
import { toZonedDateTime } from "../lib/time-zone";
import { makeCategory, makePost } from "../test/support/factories";
import { createUser, signIn } from "./fixtures/auth";
import { withDb } from "./fixtures/db";
import { SITE_TIME_ZONE } from "./fixtures/site";

test("an article scheduled for tomorrow says so in the list, is not public yet, and staff can preview it", async ({
  page,
}) => {
  const post = await withDb(async (db) => makePost(db, { status: "draft", publishedAt: null }));
  await signIn(page, await createUser("editor"));
  await page.goto(`/dashboard/articles/${post.id}`);
  const tomorrow = new Date(Date.now() + 24 * 3_600_000);
  const typed = toZonedDateTime(tomorrow, SITE_TIME_ZONE);
  const shown = `${typed.replace("T", " ")} (${SITE_TIME_ZONE})`;
  const publish = page.locator("form").filter({ has: page.getByRole("button", { name: "Publish" }) });
  await publish.getByLabel("Publish at (optional)").fill(typed);
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("post-status")).toHaveText(`Status: scheduled for ${shown}`);

  await page.goto("/dashboard/articles");
  const item = page.getByRole("listitem").filter({ hasText: post.title });
  await expect(item.getByTestId("post-publication")).toContainText(`scheduled for ${shown}`);
  expect((await page.request.get(`/news/${post.slug}`)).status()).toBe(404);
  await item.getByRole("link", { name: "Preview" }).click();
  await expect(page.getByTestId("preview-banner")).toContainText(`scheduled for ${shown}`);
  await expect(page.getByRole("heading", { name: post.title })).toBeVisible();

  // Saved in UTC: 10:00 in Tokyo is 01:00 UTC.
  const saved = await withDb((db) => db.post.findUniqueOrThrow({ where: { id: post.id }, select: { publishedAt: true } }));
  expect(toZonedDateTime(saved.publishedAt!, SITE_TIME_ZONE)).toBe(typed);
});

test("a category is renamed, and deleting one in use is refused clearly", async ({ page }) => {
  const category = await withDb((db) => makeCategory(db));
  await withDb((db) => makePost(db, { categoryId: category.id }));
  await signIn(page, await createUser("editor"));
  await page.goto("/dashboard/articles/taxonomy");
  const item = page.getByTestId("taxon").filter({ hasText: category.name });
  await item.getByText(category.name).click();
  const edit = item.locator("form").filter({ has: page.getByRole("button", { name: "Save category" }) });
  await edit.getByLabel("Name").fill(`Renamed ${category.name}`);
  await edit.getByRole("button", { name: "Save category" }).click();
  await expect(edit.getByRole("status")).toHaveText("Category saved.");
  const renamed = page.getByTestId("taxon").filter({ hasText: `Renamed ${category.name}` });
  await expect(renamed).toContainText("(1 article)");

  const remove = renamed.locator("form").filter({ has: page.getByRole("button", { name: "Delete category…" }) });
  await remove.getByRole("button", { name: "Delete category…" }).click();
  await remove.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(remove.getByRole("alert")).toHaveText(
    `“Renamed ${category.name}” cannot be deleted: 1 article uses it. Move them to another category first.`,
  );
  expect(await withDb((db) => db.category.count({ where: { id: category.id } }))).toBe(1);
});
