// The built-in demo checkout (no Stripe keys): same webhook path, no network.
import { afterAll, describe, expect, it, vi } from "vitest";
import { makeCampaign, makeUser } from "@/test/support/factories";

vi.mock("@/lib/cache", () => ({ CACHE_TAGS: { campaigns: "campaigns", posts: "posts" }, invalidate: vi.fn() }));
vi.stubEnv("STRIPE_SECRET_KEY", "");
vi.stubEnv("STRIPE_WEBHOOK_SECRET", "");

const { startCheckout } = await import("./checkout");
const { payDemoCheckout } = await import("./demo-checkout");
const { refundDonation } = await import("@/lib/donations/refund");
const { db } = await import("@/lib/db");
const coordinator = await makeUser(db, "coordinator");

afterAll(() => db.$disconnect());

const gift = {
  gift: 5000n,
  charged: 5187n,
  coverFees: true,
  frequency: "once" as const,
  anonymous: true,
  displayName: null,
  message: "Stay safe.",
  donorEmail: null,
};

const newCampaign = () => makeCampaign(db);
const totals = (id: string) => db.campaign.findUniqueOrThrow({ where: { id }, select: { raisedAmount: true, donorCount: true } });

describe("demo checkout", () => {
  it("pays a one-time gift through signed events and refunds it", async () => {
    const campaign = await newCampaign();
    const url = await startCheckout(campaign, gift);
    expect(url).toMatch(/^\/demo-checkout\/cs_test_/);
    const sessionId = url.split("/").at(-1) ?? "";
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 0n, donorCount: 0 });
    expect(await payDemoCheckout(sessionId)).toBe(campaign.slug);
    expect(await payDemoCheckout(sessionId)).toBe(campaign.slug); // paying twice changes nothing
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 5187n, donorCount: 1 });
    const donation = await db.donation.findUniqueOrThrow({ where: { stripeCheckoutSessionId: sessionId } });
    expect(donation).toMatchObject({ status: "succeeded", message: "Stay safe.", anonymous: true });
    expect(await db.stripeEvent.count({ where: { type: "checkout.session.completed", processedAt: { gte: donation.createdAt } } })).toBeGreaterThan(0);

    await expect(refundDonation(coordinator, { id: donation.id, amount: "6000" })).rejects.toThrow(/up to ¥5,187/);
    await refundDonation(coordinator, { id: donation.id, amount: "187" });
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 5000n, donorCount: 1 });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      status: "succeeded",
      refundedAmount: 187n,
    });
  });

  it("refuses to refund a gift that was never paid", async () => {
    const campaign = await newCampaign();
    const url = await startCheckout(campaign, gift);
    const donation = await db.donation.findUniqueOrThrow({ where: { stripeCheckoutSessionId: url.split("/").at(-1) ?? "" } });
    await expect(refundDonation(coordinator, { id: donation.id, amount: "" })).rejects.toThrow(/not paid through Stripe/);
    await expect(refundDonation(coordinator, { id: "nope", amount: "" })).rejects.toThrow(/does not exist/);
  });

  it("pays a monthly gift as checkout completion plus its first invoice: one donation", async () => {
    const campaign = await newCampaign();
    const url = await startCheckout(campaign, { ...gift, frequency: "monthly", charged: 3000n });
    await payDemoCheckout(url.split("/").at(-1) ?? "");
    const gifts = await db.donation.findMany({ where: { campaignId: campaign.id } });
    expect(gifts).toHaveLength(1);
    expect(gifts[0]).toMatchObject({ status: "succeeded", frequency: "monthly", amount: 3000n });
    expect(gifts[0]?.stripeSubscriptionId).toMatch(/^sub_test_/);
    expect(gifts[0]?.stripeInvoiceId).toMatch(/^in_test_/);
  });
});
