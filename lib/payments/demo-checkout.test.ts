// The built-in test checkout (no Stripe keys): same webhook path, no network.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/cache", () => ({ CACHE_TAGS: { campaigns: "campaigns", posts: "posts" }, invalidate: vi.fn() }));
vi.stubEnv("STRIPE_SECRET_KEY", "");
vi.stubEnv("STRIPE_WEBHOOK_SECRET", "");

const { startCheckout } = await import("./checkout");
const { payTestCheckout } = await import("./demo-checkout");
const { requestRefund } = await import("./refund");
const { db } = await import("@/lib/db");

afterAll(() => db.$disconnect());

const gift = {
  gift: 5000,
  charged: 5187,
  coverFees: true,
  frequency: "once" as const,
  anonymous: true,
  displayName: null,
  message: "Stay safe.",
  donorEmail: null,
};

async function newCampaign() {
  return db.campaign.create({
    data: { slug: `tc-${randomBytes(4).toString("hex")}`, title: "Test checkout", summary: "-", goalAmount: 100_000, currency: "JPY", status: "published" },
    select: { id: true, slug: true, title: true, currency: true },
  });
}
const totals = (id: string) => db.campaign.findUniqueOrThrow({ where: { id }, select: { raisedAmount: true, donorCount: true } });

describe("test checkout", () => {
  it("pays a one-time gift through signed events and refunds it", async () => {
    const campaign = await newCampaign();
    const url = await startCheckout(campaign, gift);
    expect(url).toMatch(/^\/test-checkout\/cs_test_/);
    const sessionId = url.split("/").at(-1) ?? "";
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 0, donorCount: 0 });
    expect(await payTestCheckout(sessionId)).toBe(campaign.slug);
    expect(await payTestCheckout(sessionId)).toBe(campaign.slug); // paying twice changes nothing
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 5187, donorCount: 1 });
    const donation = await db.donation.findUniqueOrThrow({ where: { stripeCheckoutSessionId: sessionId } });
    expect(donation).toMatchObject({ status: "succeeded", message: "Stay safe.", anonymous: true });
    expect(await db.stripeEvent.count({ where: { type: "checkout.session.completed", processedAt: { gte: donation.createdAt } } })).toBeGreaterThan(0);

    await expect(requestRefund({ donationId: donation.id, amount: 6000 })).rejects.toThrow(/between 1 and ¥5,187/);
    await requestRefund({ donationId: donation.id, amount: 187 });
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 5000, donorCount: 1 });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      status: "succeeded",
      refundedAmount: 187,
    });
  });

  it("refuses to refund a gift that was never paid", async () => {
    const campaign = await newCampaign();
    const url = await startCheckout(campaign, gift);
    const donation = await db.donation.findUniqueOrThrow({ where: { stripeCheckoutSessionId: url.split("/").at(-1) ?? "" } });
    await expect(requestRefund({ donationId: donation.id })).rejects.toThrow(/not paid through Stripe/);
    await expect(requestRefund({ donationId: "nope" })).rejects.toThrow(/does not exist/);
  });

  it("pays a monthly gift as checkout completion plus its first invoice: one donation", async () => {
    const campaign = await newCampaign();
    const url = await startCheckout(campaign, { ...gift, frequency: "monthly", charged: 3000 });
    await payTestCheckout(url.split("/").at(-1) ?? "");
    const gifts = await db.donation.findMany({ where: { campaignId: campaign.id } });
    expect(gifts).toHaveLength(1);
    expect(gifts[0]).toMatchObject({ status: "succeeded", frequency: "monthly", amount: 3000 });
    expect(gifts[0]?.stripeSubscriptionId).toMatch(/^sub_test_/);
    expect(gifts[0]?.stripeInvoiceId).toMatch(/^in_test_/);
  });
});
