// A donor gives through Stripe Checkout (the local Stripe-compatible server); the campaign's
// totals move only when the signed webhook arrives, and drop again on a refund.
import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { withDb } from "./fixtures/db";
import { makeCampaign, makeDonation } from "../test/support/factories";
import { fakeStripeBase } from "../test/support/stripe-server";
import { checkoutSessionObject, eventOf, signEvent, stripeId } from "../test/support/stripe/objects";

const stripe = fakeStripeBase();
// Each run is its own "client" for the per-IP checkout limit.
test.use({ extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` } });

async function seedCampaign(status: "published" | "closed" = "published") {
  return withDb(async (db) => {
    const campaign = await makeCampaign(db, {
      status,
      summary: "Two families are waiting for the last leg of their journey.",
      goalAmount: 1_000_000n,
      raisedAmount: 12_000n,
      donorCount: 1,
    });
    // An earlier gift, so "¥5,000 more" is measured against a non-zero total.
    await makeDonation(db, campaign, { amount: 12_000 });
    return campaign;
  });
}

async function expectTotals(page: Page, slug: string, raised: string, donors: string) {
  // The public campaign page (cached, invalidated by the webhook) and the donate page agree.
  await page.goto(`/campaigns/${slug}`);
  await expect(page.getByTestId("raised")).toHaveText(raised);
  await expect(page.getByTestId("donors")).toHaveText(donors.replace(/ donors?$/, ""));
  await page.goto(`/campaigns/${slug}/donate`);
  await expect(page.getByTestId("raised")).toHaveText(raised);
  await expect(page.getByTestId("donors")).toHaveText(donors);
}

async function payOnStripe(page: Page, label: string) {
  await expect(page).toHaveURL(new RegExp(`^${stripe}/pay/cs_`));
  await page.getByRole("button", { name: label }).click();
  await expect(page).toHaveURL(/\/thank-you\?session_id=cs_/);
  await expect(page.getByRole("heading", { name: "Thank you for your gift" })).toBeVisible({ timeout: 15_000 });
}

test("a donor gives ¥5,000 once: the campaign shows exactly ¥5,000 more and one more donor", async ({ page }) => {
  const campaign = await seedCampaign();
  await expectTotals(page, campaign.slug, "¥12,000", "1 donor");

  await page.getByRole("radio", { name: "Other amount" }).check();
  await page.getByLabel(/Your amount \(JPY\)/).fill("5,000");
  await page.getByLabel("Public name (optional)").fill("A. B.");
  await page.getByLabel(/E-mail for your receipt/).fill("ab@example.org");
  await expect(page.getByTestId("total")).toHaveText("You will be charged ¥5,000");
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await payOnStripe(page, "Pay ¥5,000");
  await expect(page.getByTestId("confirmed-amount")).toHaveText("¥5,000");

  await page.getByRole("link", { name: "View and print your receipt" }).click();
  await expect(page.getByRole("heading", { name: "Donation receipt" })).toBeVisible();
  await expect(page.getByTestId("receipt-amount")).toHaveText("¥5,000");
  await expect(page.getByText("ab@example.org")).toBeVisible();

  await expectTotals(page, campaign.slug, "¥17,000", "2 donors");
  const stored = await withDb((db) =>
    Promise.all([
      db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { raisedAmount: true, donorCount: true } }),
      db.donation.findMany({ where: { campaignId: campaign.id, stripeCheckoutSessionId: { not: null } } }),
    ]),
  );
  expect(stored[0]).toEqual({ raisedAmount: 17_000n, donorCount: 2 });
  expect(stored[1]).toHaveLength(1);
  expect(stored[1][0]).toMatchObject({ status: "succeeded", amount: 5000n, currency: "JPY", displayName: "A. B.", donorEmail: "ab@example.org" });

  // Stripe was asked for exactly ¥5,000 (JPY is zero-decimal: unit_amount 5000).
  const { requests } = (await (await fetch(`${stripe}/__test/requests`)).json()) as {
    requests: { path: string; params: { metadata?: { donationId?: string }; line_items?: Record<string, { price_data: unknown }> } }[];
  };
  const created = requests.find((r) => r.path === "/v1/checkout/sessions" && r.params.metadata?.donationId === stored[1][0]?.id);
  expect(created?.params.line_items?.["0"]?.price_data).toMatchObject({ currency: "jpy", unit_amount: "5000" });
});

test("a refused form says what is wrong next to the field and keeps what was typed", async ({ page }) => {
  const campaign = await seedCampaign();
  await page.goto(`/campaigns/${campaign.slug}/donate`);
  await page.getByRole("radio", { name: "Other amount" }).check();
  await page.getByLabel(/Your amount \(JPY\)/).fill("19.5");
  await page.getByLabel(/Message of support/).fill("For the journey.");
  await page.getByLabel(/E-mail for your receipt/).fill("not-an-email");
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "JPY amounts have no decimals." })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Enter a valid e-mail address" })).toBeVisible();
  await expect(page.getByLabel(/Your amount \(JPY\)/)).toHaveValue("19.5");
  await expect(page.getByLabel(/Message of support/)).toHaveValue("For the journey.");
  await expect(page.getByLabel(/E-mail for your receipt/)).toHaveValue("not-an-email");
  expect(await withDb((db) => db.donation.count({ where: { campaignId: campaign.id, status: "pending" } }))).toBe(0);
});

test("a monthly gift and two renewals make three donations", async ({ page }) => {
  const campaign = await seedCampaign();
  await page.goto(`/campaigns/${campaign.slug}/donate`);
  await page.getByRole("radio", { name: "¥3,000" }).check();
  await page.getByRole("radio", { name: "Monthly" }).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await payOnStripe(page, "Pay ¥3,000");
  await expect(page.getByText("Your monthly gift of")).toBeVisible();

  const first = await withDb((db) =>
    db.donation.findFirstOrThrow({ where: { campaignId: campaign.id, frequency: "monthly" }, select: { stripeSubscriptionId: true } }),
  );
  for (let i = 0; i < 2; i++) {
    const renewed = await fetch(`${stripe}/__test/renew?subscription=${first.stripeSubscriptionId}`, { method: "POST" });
    expect(renewed.status).toBe(200);
  }
  await expectTotals(page, campaign.slug, "¥21,000", "2 donors");
  const monthly = await withDb((db) =>
    db.donation.findMany({ where: { campaignId: campaign.id, frequency: "monthly" }, select: { amount: true, status: true } }),
  );
  expect(monthly).toEqual([
    { amount: 3000n, status: "succeeded" },
    { amount: 3000n, status: "succeeded" },
    { amount: 3000n, status: "succeeded" },
  ]);
});

test("a refund made at Stripe brings the totals down", async ({ page }) => {
  const campaign = await seedCampaign();
  await page.goto(`/campaigns/${campaign.slug}/donate`);
  await page.getByRole("radio", { name: "¥10,000" }).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await payOnStripe(page, "Pay ¥10,000");
  await expectTotals(page, campaign.slug, "¥22,000", "2 donors");

  const gift = await withDb((db) =>
    db.donation.findFirstOrThrow({ where: { campaignId: campaign.id, amount: 10_000 }, select: { id: true, stripePaymentIntentId: true } }),
  );
  // What the NGO would do in Stripe's dashboard: refund ¥4,000, then the rest.
  for (const amount of ["4000", ""]) {
    const body = new URLSearchParams({ payment_intent: gift.stripePaymentIntentId ?? "", ...(amount ? { amount } : {}) });
    const refunded = await fetch(`${stripe}/v1/refunds`, { method: "POST", body, headers: { authorization: "Bearer sk_test_e2e_local_only" } });
    expect(refunded.status).toBe(200);
    if (amount) await expectTotals(page, campaign.slug, "¥18,000", "2 donors");
  }
  await expectTotals(page, campaign.slug, "¥12,000", "1 donor");
  expect(await withDb((db) => db.donation.findUniqueOrThrow({ where: { id: gift.id }, select: { status: true, refundedAmount: true } }))).toEqual({
    status: "refunded",
    refundedAmount: 10_000n,
  });
});

test("a closed campaign refuses gifts with a clear message", async ({ page }) => {
  const campaign = await seedCampaign("closed");
  await page.goto(`/campaigns/${campaign.slug}/donate`);
  await expect(page.getByRole("heading", { name: `${campaign.title} is closed` })).toBeVisible();
  await expect(page.getByText("no longer accepts gifts")).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue to payment" })).toHaveCount(0);
});

test("the thank-you page waits for the webhook and never records the gift itself", async ({ page }) => {
  const campaign = await seedCampaign();
  const sessionId = stripeId("cs");
  const donation = await withDb((db) =>
    db.donation.create({
      data: {
        campaignId: campaign.id,
        amount: 7000,
        currency: "JPY",
        status: "pending",
        donorEmail: "private@example.org",
        stripeCheckoutSessionId: sessionId,
        receiptToken: randomBytes(24).toString("base64url"),
      },
    }),
  );
  await page.goto(`/campaigns/${campaign.slug}/thank-you?session_id=${sessionId}`);
  await expect(page.getByRole("heading", { name: "Confirming your gift…" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Confirming your gift…" })).toBeVisible();
  expect(await withDb((db) => db.donation.findUniqueOrThrow({ where: { id: donation.id }, select: { status: true } }))).toEqual({
    status: "pending",
  });

  // Stripe's webhook arrives; the open page notices on its own.
  const session = checkoutSessionObject({
    id: sessionId,
    mode: "payment",
    amount: 7000,
    currency: "jpy",
    metadata: { donationId: donation.id, campaignId: campaign.id },
    paymentIntentId: stripeId("pi"),
  });
  const { payload, signature } = signEvent(eventOf("checkout.session.completed", session), "whsec_e2e_local_only");
  const delivered = await fetch(`${page.url().split("/campaigns/")[0]}/api/stripe/webhook`, {
    method: "POST",
    body: payload,
    headers: { "stripe-signature": signature, "content-type": "application/json" },
  });
  expect(delivered.status).toBe(200);
  await expect(page.getByRole("heading", { name: "Thank you for your gift" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("confirmed-amount")).toHaveText("¥7,000");
  await expect(page.getByText("private@example.org")).toHaveCount(0);
});

test("too many checkouts from one address are refused with a clear message", async ({ page }) => {
  const campaign = await seedCampaign();
  const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
  // This address has already used its whole budget (rate-limiter-flexible's row format).
  await withDb((db) =>
    db.$executeRaw`INSERT INTO rate_limits (key, points, expire) VALUES (${`checkout:${ip}`}, 10, ${Date.now() + 600_000})
      ON CONFLICT (key) DO UPDATE SET points = 10, expire = EXCLUDED.expire`,
  );
  await page.setExtraHTTPHeaders({ "x-forwarded-for": ip });
  await page.goto(`/campaigns/${campaign.slug}/donate`);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts from your connection." })).toBeVisible();
  expect(await withDb((db) => db.donation.count({ where: { campaignId: campaign.id, status: "pending" } }))).toBe(0);
});
