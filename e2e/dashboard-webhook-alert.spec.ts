// A Stripe endpoint on an old API version: the app refuses its events (so Stripe retries them once
// the endpoint is fixed) and tells admins on the dashboard overview and in /api/health.
import { expect, test } from "@playwright/test";
import { makeCampaign, makeDonation } from "../test/support/factories";
import { eventOf, legacyInvoiceObject, signEvent, stripeId } from "../test/support/stripe/objects";
import { createUser, signIn } from "./fixtures/auth";
import { withDb } from "./fixtures/db";

const OLD_VERSION = "2024-06-20";

test.afterAll(async () => {
  // Other specs' dashboards should not carry this spec's alert.
  await withDb((db) => db.stripeWebhookRefusal.deleteMany({ where: { apiVersion: OLD_VERSION } }));
});

test("a renewal on an unsupported API version is refused and admins are told where to fix it", async ({ page, browser }) => {
  const { campaign, subscriptionId, original } = await withDb(async (db) => {
    const campaign = await makeCampaign(db);
    const subscriptionId = stripeId("sub");
    const original = await makeDonation(db, campaign, { amount: 2000, frequency: "monthly", stripeSubscriptionId: subscriptionId });
    return { campaign, subscriptionId, original };
  });
  const invoice = legacyInvoiceObject({
    id: stripeId("in"),
    subscriptionId,
    amount: 2000,
    currency: "jpy",
    billingReason: "subscription_cycle",
    metadata: { donationId: original.id, campaignId: campaign.id },
    paymentIntentId: stripeId("pi"),
    chargeId: stripeId("ch"),
  });
  const { payload, signature } = signEvent(eventOf("invoice.paid", invoice, { apiVersion: OLD_VERSION }), "whsec_e2e_local_only");
  const delivered = await page.request.post("/api/stripe/webhook", { data: payload, headers: { "stripe-signature": signature, "content-type": "application/json" } });
  expect(delivered.status()).toBe(500);
  expect(await withDb((db) => db.donation.count({ where: { campaignId: campaign.id } }))).toBe(1);

  // Anyone: the health check says nothing more than up or down.
  expect(await (await page.request.get("/api/health")).json()).toEqual({ status: "ok", database: "up" });

  const admin = await createUser("admin");
  await signIn(page, admin);
  await page.goto("/dashboard");
  const alert = page.getByRole("alert").filter({ hasText: "Stripe webhook deliveries are being refused" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(`API version ${OLD_VERSION} is not supported`);
  await expect(alert).toContainText("2026-10-28.endive");
  const health = (await (await page.request.get("/api/health")).json()) as {
    details?: { stripeWebhook: { status: string; refusals: { apiVersion: string; lastEventType: string }[] } };
  };
  expect(health.details?.stripeWebhook.status).toBe("refusing deliveries");
  expect(health.details?.stripeWebhook.refusals).toContainEqual(expect.objectContaining({ apiVersion: OLD_VERSION, lastEventType: "invoice.paid" }));

  // A coordinator sees the overview without it (admins fix the Stripe settings).
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, await createUser("coordinator"));
  await other.goto("/dashboard");
  await expect(other.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(other.getByText("Stripe webhook deliveries are being refused")).toHaveCount(0);
  await context.close();
});
