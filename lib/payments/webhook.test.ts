// The webhook against the real database: signed deliveries through the route handler's POST.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { makeCampaign, makeDonation } from "@/test/support/factories";
import { postSignedEvent } from "@/test/support/webhook-delivery";
import type { SessionInput } from "@/test/support/stripe/objects";

vi.mock("@/lib/cache", () => ({ CACHE_TAGS: { campaigns: "campaigns", posts: "posts" }, invalidate: vi.fn() }));

const { POST } = await import("@/app/api/stripe/webhook/route");
const { db } = await import("@/lib/db");
const { derivedSecret } = await import("@/lib/env");
const events = await import("@/test/support/stripe/objects");

const secret = derivedSecret("test-webhook");
const suffix = () => randomBytes(4).toString("hex");

const deliver = (event: Record<string, unknown>, signingSecret = secret) => postSignedEvent(POST, event, signingSecret);

const newCampaign = () => makeCampaign(db, { goalAmount: 1_000_000n });

const newPending = (campaign: { id: string; currency: string }, amount: number, frequency: "once" | "monthly" = "once") =>
  makeDonation(db, campaign, { amount, frequency, status: "pending", donorEmail: `d-${suffix()}@example.org` });

function completion(donationId: string, campaignId: string, amount: number, extra: Partial<SessionInput> = {}) {
  const paymentIntentId = extra.paymentIntentId ?? events.stripeId("pi");
  const session = events.checkoutSessionObject({
    id: events.stripeId("cs"),
    mode: "payment",
    amount,
    currency: "jpy",
    metadata: { donationId, campaignId },
    paymentIntentId,
    ...extra,
  });
  return { event: events.eventOf("checkout.session.completed", session), paymentIntentId };
}

function refund(paymentIntentId: string, amount: number, amountRefunded: number) {
  const charge = events.chargeObject({ id: events.stripeId("ch"), paymentIntentId, amount, amountRefunded, currency: "jpy" });
  return events.eventOf("charge.refunded", charge);
}

const totals = (id: string) =>
  db.campaign.findUniqueOrThrow({ where: { id }, select: { raisedAmount: true, donorCount: true } });

afterAll(async () => {
  await db.$disconnect();
});

describe("POST /api/stripe/webhook", () => {
  it("refuses a bad signature with 400 and writes nothing", async () => {
    const campaign = await newCampaign();
    const donation = await newPending(campaign, 5000);
    const { event } = completion(donation.id, campaign.id, 5000);
    expect(await deliver(event, "whsec_wrong")).toBe(400);
    const tampered = events.signEvent(event, secret);
    const response = await POST(
      new Request("http://localhost/api/stripe/webhook", {
        method: "POST",
        body: tampered.payload.replace('"amount_total": 5000', '"amount_total": 9000'),
        headers: { "stripe-signature": tampered.signature },
      }),
    );
    expect(response.status).toBe(400);
    expect(await db.stripeEvent.count({ where: { id: String(event.id) } })).toBe(0);
    expect((await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).status).toBe("pending");
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 0n, donorCount: 0 });
  });

  it("records a gift on a campaign past ¥2.1 billion (int4) exactly, and the overview sums it", async () => {
    const campaign = await makeCampaign(db, { goalAmount: 10_000_000_000n, currency: "JPY" });
    // An earlier offline gift of ¥2,147,480,000 takes the campaign to the edge of int4.
    await makeDonation(db, campaign, { amount: 2_147_480_000n, method: "bank_transfer" });
    const donation = await newPending(campaign, 5000);
    expect(await deliver(completion(donation.id, campaign.id, 5000).event)).toBe(200);
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 2_147_485_000n, donorCount: 2 });
    const [row] = await db.$queryRaw<{ raised: bigint }[]>`
      SELECT "raised" FROM "CampaignTotals" WHERE "campaignId" = ${campaign.id}`;
    expect(row?.raised).toBe(2_147_485_000n);
  });

  it("records a ¥5,000 gift once, however often Stripe delivers it", async () => {
    const campaign = await newCampaign();
    const donation = await newPending(campaign, 5000);
    const { event, paymentIntentId } = completion(donation.id, campaign.id, 5000);
    expect(await deliver(event)).toBe(200);
    expect(await deliver(event)).toBe(200);
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 5000n, donorCount: 1 });
    const stored = await db.donation.findUniqueOrThrow({ where: { id: donation.id } });
    expect(stored).toMatchObject({ status: "succeeded", amount: 5000n, currency: "JPY", stripePaymentIntentId: paymentIntentId });
    expect(await db.stripeEvent.count({ where: { id: String(event.id) } })).toBe(1);
  });

  it("marks an abandoned (expired) checkout failed without touching the totals", async () => {
    const campaign = await newCampaign();
    const donation = await newPending(campaign, 5000);
    const session = events.checkoutSessionObject({
      id: events.stripeId("cs"),
      mode: "payment",
      amount: 5000,
      currency: "jpy",
      metadata: { donationId: donation.id, campaignId: campaign.id },
      paymentStatus: "unpaid",
    });
    expect(await deliver(events.eventOf("checkout.session.expired", session))).toBe(200);
    expect((await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).status).toBe("failed");
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 0n, donorCount: 0 });
  });

  it("ignores event types it does not handle", async () => {
    expect(await deliver(events.eventOf("customer.created", events.customerObject()))).toBe(200);
  });

  it("asks for a retry when a refund arrives before the completion, then ends correct", async () => {
    const campaign = await newCampaign();
    const donation = await newPending(campaign, 10000);
    const { event, paymentIntentId } = completion(donation.id, campaign.id, 10000);
    const partial = refund(paymentIntentId, 10000, 4000);
    expect(await deliver(partial)).toBe(500);
    expect(await db.stripeEvent.count({ where: { id: String(partial.id) } })).toBe(0);
    expect(await deliver(event)).toBe(200);
    expect(await deliver(partial)).toBe(200);
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 6000n, donorCount: 1 });
    // The full refund, then a late redelivery of the partial one: the running total never goes down.
    expect(await deliver(refund(paymentIntentId, 10000, 10000))).toBe(200);
    expect(await deliver(refund(paymentIntentId, 10000, 4000))).toBe(200);
    const stored = await db.donation.findUniqueOrThrow({ where: { id: donation.id } });
    expect(stored).toMatchObject({ status: "refunded", refundedAmount: 10000n });
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 0n, donorCount: 0 });
  });

  it("takes a dispute's amount out of the totals while open, back in when won", async () => {
    const campaign = await newCampaign();
    const donation = await newPending(campaign, 3000);
    const { event, paymentIntentId } = completion(donation.id, campaign.id, 3000);
    expect(await deliver(event)).toBe(200);
    const chargeId = events.stripeId("ch");
    const dispute = (status: "needs_response" | "won" | "lost") =>
      events.disputeObject({ id: events.stripeId("dp"), chargeId, paymentIntentId, amount: 3000, currency: "jpy", status });
    const opened = dispute("needs_response");
    expect(await deliver(events.eventOf("charge.dispute.created", opened))).toBe(200);
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 0n, donorCount: 0 });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "disputed", withheldAmount: 3000n });
    expect(await deliver(events.eventOf("charge.dispute.closed", { ...opened, status: "won" }))).toBe(200);
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 3000n, donorCount: 1 });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({
      status: "succeeded",
      withheldAmount: 0n,
      refundedAmount: 0n,
      stripeChargeId: chargeId,
    });
    expect(await db.dispute.findUniqueOrThrow({ where: { id: String(opened.id) } })).toMatchObject({ status: "won", amount: 3000n, currency: "JPY" });
  });

  it("counts a monthly gift once for its first invoice and once per renewal, and marks its end", async () => {
    const campaign = await newCampaign();
    const donation = await newPending(campaign, 2000, "monthly");
    const subscriptionId = events.stripeId("sub");
    const firstInvoice = events.stripeId("in");
    const metadata = { donationId: donation.id, campaignId: campaign.id };
    const invoice = (id: string, billingReason: "subscription_create" | "subscription_cycle") =>
      events.eventOf(
        "invoice.paid",
        events.invoiceObject({ id, subscriptionId, amount: 2000, currency: "jpy", billingReason, metadata }),
      );
    // The first invoice may arrive before the checkout completion: both orders give one donation.
    expect(await deliver(invoice(firstInvoice, "subscription_create"))).toBe(200);
    const { event } = completion(donation.id, campaign.id, 2000, { mode: "subscription", subscriptionId, invoiceId: firstInvoice });
    expect(await deliver(event)).toBe(200);
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 2000n, donorCount: 1 });

    const renewal = invoice(events.stripeId("in"), "subscription_cycle");
    expect(await deliver(renewal)).toBe(200);
    expect(await deliver({ ...renewal, id: events.stripeId("evt") })).toBe(200); // same invoice, new event id
    expect(await deliver(invoice(events.stripeId("in"), "subscription_cycle"))).toBe(200);
    const gifts = await db.donation.findMany({ where: { campaignId: campaign.id }, orderBy: { createdAt: "asc" } });
    expect(gifts.map((g) => [g.status, g.frequency, g.amount])).toEqual([
      ["succeeded", "monthly", 2000n],
      ["succeeded", "monthly", 2000n],
      ["succeeded", "monthly", 2000n],
    ]);
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 6000n, donorCount: 1 }); // one donor, three gifts

    const ended = events.eventOf("customer.subscription.deleted", events.subscriptionObject({ id: subscriptionId, metadata }));
    expect(await deliver(ended)).toBe(200);
    const after = await db.donation.findMany({ where: { campaignId: campaign.id }, select: { subscriptionEndedAt: true } });
    expect(after.every((d) => d.subscriptionEndedAt instanceof Date)).toBe(true);
  });

  it("keeps totals exact under 50 parallel deliveries of 10 events", async () => {
    const campaign = await newCampaign();
    const amounts = [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000];
    const pending = await Promise.all(amounts.map((amount) => newPending(campaign, amount)));
    const completions = pending.map((d, i) => completion(d.id, campaign.id, amounts[i] ?? 0));
    const pi = completions[0]?.paymentIntentId ?? "";
    const all = [...completions.map((c) => c.event), refund(pi, 1000, 300), refund(pi, 1000, 700)];
    let queue = all.flatMap((event) => Array.from({ length: 5 }, () => event)).sort(() => Math.random() - 0.5);
    expect(queue).toHaveLength(50);
    // Like Stripe: whatever was refused (500) is delivered again until every event is accepted.
    for (let round = 0; queue.length > 0 && round < 10; round++) {
      const statuses = await Promise.all(queue.map((event) => deliver(event)));
      expect(statuses.every((s) => s === 200 || s === 500)).toBe(true);
      queue = queue.filter((_, i) => statuses[i] !== 200);
    }
    expect(queue).toHaveLength(0);
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 36000n - 700n, donorCount: 8 });
    expect(await db.stripeEvent.count({ where: { id: { in: all.map((e) => String(e.id)) } } })).toBe(10);
  });

  it("answers 500 when the database fails mid-way, writes nothing, and succeeds on the retry", async () => {
    const campaign = await newCampaign();
    const donation = await newPending(campaign, 7000);
    const { event } = completion(donation.id, campaign.id, 7000);
    // The totals update (the last write of the transaction) fails for this campaign only.
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION fail_campaign_${campaign.id}() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'simulated outage'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER fail_${campaign.id} BEFORE UPDATE ON "Campaign" FOR EACH ROW
      WHEN (OLD.id = '${campaign.id}') EXECUTE FUNCTION fail_campaign_${campaign.id}()`);
    try {
      expect(await deliver(event)).toBe(500);
      expect(await db.stripeEvent.count({ where: { id: String(event.id) } })).toBe(0);
      expect((await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).status).toBe("pending");
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_${campaign.id} ON "Campaign"`);
      await db.$executeRawUnsafe(`DROP FUNCTION fail_campaign_${campaign.id}()`);
    }
    expect(await deliver(event)).toBe(200);
    expect(await totals(campaign.id)).toEqual({ raisedAmount: 7000n, donorCount: 1 });
  });
});
