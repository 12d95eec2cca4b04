// Every handled event type, in every order Stripe may deliver it (all orders of up to three
// events; in order and reversed for longer sequences, which puts every pair both ways), each
// event delivered twice, and all at once. Like Stripe, whatever is refused (500: "not ready") is
// delivered again until accepted. Every run of a scenario must end in the same, expected state.
import { afterAll, describe, expect, it, vi } from "vitest";
import { makeCampaign, makeDonation } from "@/test/support/factories";
import { stripeId } from "@/test/support/stripe/objects";
import { deliverUntilAccepted } from "@/test/support/webhook-burst";
import { postSignedEvent } from "@/test/support/webhook-delivery";
import { type GiftRefs, ordersOf, SCENARIOS, type Scenario } from "@/test/support/webhook-scenarios";

vi.mock("@/lib/cache", () => ({ CACHE_TAGS: { campaigns: "campaigns", posts: "posts" }, invalidate: vi.fn() }));
// Early events are refused on purpose (Stripe retries them); keep the log readable.
vi.spyOn(console, "warn").mockImplementation(() => undefined);

const { POST } = await import("@/app/api/stripe/webhook/route");
const { db } = await import("@/lib/db");
const { derivedSecret } = await import("@/lib/env");

const secret = derivedSecret("test-webhook");
const deliver = (event: Record<string, unknown>) => postSignedEvent(POST, event, secret);

afterAll(() => db.$disconnect());

async function newGift(scenario: Scenario): Promise<GiftRefs> {
  const campaign = await makeCampaign(db, { goalAmount: 1_000_000n });
  const sessionId = stripeId("cs");
  const donation = await makeDonation(db, campaign, {
    amount: scenario.amount,
    status: "pending",
    frequency: scenario.frequency ?? "once",
    donorEmail: `${sessionId.slice(-8)}@example.org`,
    stripeCheckoutSessionId: sessionId,
  });
  return { donationId: donation.id, campaignId: campaign.id, paymentIntentId: stripeId("pi"), chargeId: stripeId("ch"), sessionId };
}

/** Delivers like Stripe: `concurrency` at a time, refused ones again in later rounds. */
async function run(deliveries: Record<string, unknown>[], concurrency: number): Promise<void> {
  const { left, stats } = await deliverUntilAccepted(deliveries, deliver, { concurrency, maxRounds: 8 });
  expect(left, `undelivered after ${stats.rounds} rounds`).toEqual([]);
  expect(Object.keys(stats.statuses).filter((s) => s !== "200" && s !== "500")).toEqual([]);
}

async function expectState(gift: GiftRefs, scenario: Scenario, eventIds: string[]): Promise<void> {
  const { expected } = scenario;
  const donation = await db.donation.findUniqueOrThrow({
    where: { id: gift.donationId },
    select: { status: true, refundedAmount: true, withheldAmount: true },
  });
  expect(donation).toEqual({ status: expected.status, refundedAmount: expected.refundedAmount, withheldAmount: expected.withheldAmount });
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id: gift.campaignId }, select: { raisedAmount: true, donorCount: true } });
  expect(campaign).toEqual({ raisedAmount: expected.raisedAmount, donorCount: expected.donorCount });
  const rows = await db.donation.findMany({ where: { campaignId: gift.campaignId }, select: { subscriptionEndedAt: true } });
  expect(rows).toHaveLength(expected.donations ?? 1);
  if (expected.ended) expect(rows.every((r) => r.subscriptionEndedAt !== null)).toBe(true);
  expect(await db.stripeEvent.count({ where: { id: { in: eventIds } } })).toBe(eventIds.length);
}

describe.each(SCENARIOS)("$name", (scenario) => {
  const probe: GiftRefs = { donationId: "-", campaignId: "-", paymentIntentId: "-", chargeId: "-", sessionId: "-" };
  for (const order of ordersOf(scenario.events(probe).map((_, i) => i))) {
    it(`ends the same delivered ${order.label}`, async () => {
      const gift = await newGift(scenario);
      const events = scenario.events(gift);
      await run(
        order.items.map((i) => events[i]!),
        1,
      );
      await expectState(gift, scenario, events.map((e) => String(e.id)));
    });
  }

  it("ends the same with every event delivered twice", async () => {
    const gift = await newGift(scenario);
    const events = scenario.events(gift);
    await run(
      events.flatMap((e) => [e, e]),
      1,
    );
    await expectState(gift, scenario, events.map((e) => String(e.id)));
  });

  it("ends the same with every event delivered twice, all at once", async () => {
    const gift = await newGift(scenario);
    const events = scenario.events(gift);
    await run([...events, ...events], events.length * 2);
    await expectState(gift, scenario, events.map((e) => String(e.id)));
  });
});
