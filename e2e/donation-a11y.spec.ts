// The donate, thank-you and test pages are usable with assistive technology (axe, WCAG 2 AA).
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { withDb } from "./fixtures/db";

test("the donate form, with its error messages, has no axe violations", async ({ page }) => {
  const slug = `a11y-${randomBytes(4).toString("hex")}`;
  await withDb((db) =>
    db.campaign.create({ data: { slug, title: `Accessible appeal ${slug}`, summary: "Demo.", goalAmount: 100_000n, currency: "JPY", status: "published" } }),
  );
  await page.goto(`/campaigns/${slug}/donate`);
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
  await page.getByRole("radio", { name: "Other amount" }).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose or enter an amount." })).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
});
