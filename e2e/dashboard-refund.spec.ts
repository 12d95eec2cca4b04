// A coordinator refunds part of a card gift from the dashboard: Stripe (the local server) confirms
// through the webhook, and only then do the public totals drop.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./fixtures/auth";
import { withDb } from "./fixtures/db";
import { fakeStripeBase } from "../test/support/stripe-server";

test.use({ extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250) + 1}` } });

test("a refund issued from the dashboard brings the public totals down", async ({ page, browser }) => {
  const suffix = randomBytes(4).toString("hex");
  const campaign = await withDb((db) =>
    db.campaign.create({
      data: { slug: `refund-${suffix}`, title: `Refund case ${suffix}`, summary: "x", goalAmount: 500_000n, currency: "JPY", status: "published" },
    }),
  );

  // A donor gives ¥10,000 through Stripe Checkout.
  const donor = await browser.newPage();
  await donor.goto(`/campaigns/${campaign.slug}/donate`);
  await donor.getByRole("radio", { name: "¥10,000" }).check();
  await donor.getByRole("button", { name: "Continue to payment" }).click();
  await expect(donor).toHaveURL(new RegExp(`^${fakeStripeBase()}/pay/cs_`));
  await donor.getByRole("button", { name: "Pay ¥10,000" }).click();
  await expect(donor.getByRole("heading", { name: "Thank you for your gift" })).toBeVisible({ timeout: 15_000 });
  await donor.close();

  const coordinator = await createUser("coordinator");
  await signIn(page, coordinator);
  await page.goto(`/dashboard/donations?campaign=${campaign.id}`);
  await page.getByText("Refund…").click();
  const refund = page.locator("form").filter({ has: page.getByRole("button", { name: "Refund", exact: true }) });
  await expect(refund).toHaveCount(1);

  // A bad amount is refused next to the field, and nothing is asked of Stripe.
  await refund.getByLabel("Amount to refund").fill("lots");
  await refund.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(refund.locator("#amount-error")).toContainText("Enter a positive amount in JPY");
  await expect(refund.getByLabel("Amount to refund")).toHaveValue("lots");

  // A partial amount, typed as a donor would; the form asks before anything reaches Stripe.
  await refund.getByLabel("Amount to refund").fill("¥4,000");
  await refund.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(refund.getByRole("alert")).toContainText(
    "Refund ¥4,000 of this ¥10,000 gift to the donor's card? A refund cannot be undone.",
  );
  expect(await withDb((db) => db.auditLog.count({ where: { action: "donation.refund_requested", actorId: coordinator.id } }))).toBe(0);
  await expect(refund.getByLabel("Amount to refund")).toHaveValue("¥4,000");
  await refund.getByRole("button", { name: "Yes, refund ¥4,000" }).click();
  await expect(refund.getByRole("status").filter({ hasText: "Refund requested" })).toBeVisible();

  await expect
    .poll(() => withDb((db) => db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { raisedAmount: true } })))
    .toEqual({ raisedAmount: 6_000n });
  await page.goto(`/campaigns/${campaign.slug}`);
  await expect(page.getByTestId("raised")).toHaveText("¥6,000");
  const audit = await withDb((db) =>
    db.auditLog.findFirst({ where: { action: "donation.refund_requested", actorId: coordinator.id } }),
  );
  expect(audit).not.toBeNull();
});
