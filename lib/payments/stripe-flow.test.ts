// Checkout and refunds through the official SDK against the local Stripe-compatible server
// (test/support/stripe-server.ts); its webhooks go straight into the webhook handler.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeCampaign, makeUser } from "@/test/support/factories";
import { type FakeStripe, startFakeStripe } from "@/test/support/stripe-server";

vi.mock("@/lib/cache", () => ({ CACHE_TAGS: { campaigns: "campaigns", posts: "posts" }, invalidate: vi.fn() }));

const secret = "whsec_vitest_only";
let handle: (payload: string, signature: string) => Promise<number> = async () => 503;
const fake: FakeStripe = await startFakeStripe({ secret, deliver: (p, s) => handle(p, s) });
vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_vitest");
vi.stubEnv("STRIPE_WEBHOOK_SECRET", secret);
vi.stubEnv("STRIPE_API_BASE", fake.base);
vi.stubEnv("APP_URL", "http://give.test");

const { handleStripeWebhook } = await import("./webhook");
const { startCheckout } = await import("./checkout");
const { refundDonation } = await import("@/lib/donations/refund");
const { db } = await import("@/lib/db");
const coordinator = await makeUser(db, "coordinator");

const gift = {
  gift: 5000n,
  charged: 5000n,
  coverFees: false,
  frequency: "once" as const,
  anonymous: false,
  displayName: "K. T.",
  message: null,
  donorEmail: "kt@example.org",
};

beforeAll(() => {
  handle = async (payload, signature) => (await handleStripeWebhook(payload, signature)).status;
});
afterAll(async () => {
  await fake.close();
  await db.$disconnect();
});

const newCampaign = () => makeCampaign(db);
const totals = (id: string) => db.campaign.findUniqueOrThrow({ where: { id }, select: { raisedAmount: true, donorCount: true } });
const sessionIdOf = (url: string) => url.split("/pay/")[1] ?? "";

describe("Stripe Checkout through the SDK", () => {
  it("creates a ¥5,000 payment session, counts it on the webhook, and refunds it in two steps", async () => {
    const campaign = await newCampaign();
    const url = await startCheckout(campaign, gift);
    expect(url).toMatch(new RegExp(`^${fake.base}/pay/cs_`));
    const request = fake.requests.at(-1);
    const donation = await db.donation.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(request?.idempotencyKey).toBe(`checkout-${donation.id}`);
    expect(request?.params).toMatchObject({
      mode: "payment",
      submit_type: "donate",
      customer_email: "kt@example.org",
      line_items: { "0": { quantity: "1", price_data: { currency: "jpy", unit_amount: "5000" } } },
      metadata: { donationId: donation.id, campaignId: campaign.id },
      payment_intent_data: { receipt_email: "kt@example.org", metadata: { donationId: donation.id } },
      success_url: `http://give.test/campaigns/${campaign.slug}/thank-you?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `http://give.test/campaigns/${campaign.slug}/donate`,
    });
    expect(donation).toMatchObject({ status: "pending", amount: 5000n, stripeCheckoutSessionId: sessionIdOf(url) });
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 0n, donorCount: 0 });

    await fake.pay(sessionIdOf(url));
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 5000n, donorCount: 1 });

    await refundDonation(coordinator, { id: donation.id, amount: "2000" });
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 3000n, donorCount: 1 });
    expect(fake.requests.at(-1)).toMatchObject({ path: "/v1/refunds", idempotencyKey: `refund-${donation.id}-0-2000` });
    await refundDonation(coordinator, { id: donation.id, amount: "" });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      status: "refunded",
      refundedAmount: 5000n,
    });
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 0n, donorCount: 0 });
    await expect(refundDonation(coordinator, { id: donation.id, amount: "" })).rejects.toThrow(/nothing left to refund/);
  });

  it("runs a monthly gift as a subscription: first payment, two renewals, a refund, then its end", async () => {
    const campaign = await newCampaign();
    const url = await startCheckout(campaign, { ...gift, gift: 3000n, charged: 3000n, frequency: "monthly" });
    const donation = await db.donation.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(fake.requests.at(-1)?.params).toMatchObject({
      mode: "subscription",
      line_items: { "0": { price_data: { currency: "jpy", unit_amount: "3000", recurring: { interval: "month" } } } },
      subscription_data: { metadata: { donationId: donation.id } },
    });
    const session = await fake.pay(sessionIdOf(url));
    await fake.renew(session.subscriptionId ?? "");
    await fake.renew(session.subscriptionId ?? "");
    const gifts = await db.donation.findMany({ where: { campaignId: campaign.id }, orderBy: { createdAt: "asc" } });
    expect(gifts).toHaveLength(3);
    expect(gifts.every((g) => g.status === "succeeded" && g.amount === 3000n && g.stripePaymentIntentId)).toBe(true);
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 9000n, donorCount: 1 });

    await refundDonation(coordinator, { id: gifts[2]?.id ?? "", amount: "" });
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 6000n, donorCount: 1 });

    await fake.cancelSubscription(session.subscriptionId ?? "");
    const ended = await db.donation.count({ where: { campaignId: campaign.id, subscriptionEndedAt: { not: null } } });
    expect(ended).toBe(3);
  });

  it("marks the donation failed and says so when Stripe refuses the session", async () => {
    const campaign = await newCampaign();
    await expect(startCheckout(campaign, { ...gift, charged: 0n })).rejects.toThrow(/payment provider/);
    expect(await db.donation.findFirstOrThrow({ where: { campaignId: campaign.id } })).toMatchObject({ status: "failed" });
  });
});
