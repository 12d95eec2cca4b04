// Money under stress: a few hundred signed deliveries through the real route handler, with
// duplicates, any order and 50 in flight. Totals are checked against figures computed from the
// generated events alone; nothing may be lost or counted twice.
import { randomBytes } from "node:crypto";
import { afterAll, expect, it, vi } from "vitest";
import { postSignedEvent } from "@/test/support/webhook-delivery";
import { deliverUntilAccepted, donorPool, planBurst, randomGift } from "@/test/support/webhook-burst";
import { startFakeStripe } from "@/test/support/stripe-server";

vi.mock("@/lib/cache", () => ({
  CACHE_TAGS: { campaigns: "campaigns", posts: "posts" },
  invalidate: vi.fn(),
}));
// Out-of-order events are refused on purpose (Stripe retries); keep the log readable.
vi.spyOn(console, "warn").mockImplementation(() => undefined);

// Stripe configured against the local Stripe-compatible server: a renewal's payment intent is
// looked up there (GET /v1/invoice_payments), as in production, since webhooks do not carry it.
const secret = "whsec_burst_only";
const stripe = await startFakeStripe({ secret, deliver: async () => 503 });
vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_burst_only");
vi.stubEnv("STRIPE_WEBHOOK_SECRET", secret);
vi.stubEnv("STRIPE_API_BASE", stripe.base);

const { POST } = await import("@/app/api/stripe/webhook/route");
const { db } = await import("@/lib/db");

const deliver = (event: Record<string, unknown>) => postSignedEvent(POST, event, secret);

afterAll(async () => {
  await stripe.close();
  await db.$disconnect();
});

it("records a burst of ~300 deliveries exactly once: 20 % duplicates, shuffled, 50 in flight", async () => {
  const tag = randomBytes(3).toString("hex");
  const campaignIds = [1, 2, 3, 4].map((n) => `burst_${tag}_${n}`);
  await db.campaign.createMany({
    data: campaignIds.map((id) => ({
      id,
      slug: id.replaceAll("_", "-"),
      title: "Burst",
      summary: "-",
      goalAmount: 10_000_000n,
      currency: "JPY",
      status: "published" as const,
    })),
  });
  const donors = donorPool(60);
  // One statement with our own ids: the embedded PostgreSQL (PGlite) mixes up answers to
  // many concurrent inserts, and the burst is what this test is about, not the seeding.
  const planned = Array.from({ length: 110 }, () => ({
    ...randomGift(campaignIds, donors),
    id: `gift_${randomBytes(10).toString("hex")}`,
  }));
  await db.donation.createMany({
    data: planned.map((gift) => ({
      ...gift,
      currency: "JPY",
      status: "pending" as const,
      receiptToken: randomBytes(24).toString("base64url"),
    })),
  });
  const burst = planBurst(planned);
  for (const [invoiceId, payment] of burst.invoicePayments) stripe.invoicePayments.set(invoiceId, payment);
  expect(burst.deliveries.length).toBeGreaterThanOrEqual(250);

  const { left, stats } = await deliverUntilAccepted(burst.deliveries, deliver, {
    concurrency: 50,
    maxRounds: 12,
  });
  console.info(
    `burst: ${burst.events.length} events, ${burst.deliveries.length} deliveries ` +
      `(${burst.deliveries.length - burst.events.length} duplicates), ${stats.rounds} rounds, ` +
      `${stats.refused} refused and redelivered, statuses ${JSON.stringify(stats.statuses)}`,
  );
  expect(left).toEqual([]);
  // Only 200 (recorded or already recorded) and 500 (retry later) are legitimate answers.
  expect(Object.keys(stats.statuses).sort()).toEqual(stats.refused > 0 ? ["200", "500"] : ["200"]);

  const ids = campaignIds;
  const stored = await db.campaign.findMany({
    where: { id: { in: ids } },
    select: { id: true, raisedAmount: true, donorCount: true },
  });
  for (const { id, ...totals } of stored) {
    expect(totals, id).toEqual(burst.expected.get(id) ?? { raisedAmount: 0n, donorCount: 0 });
  }
  expect(await db.donation.count({ where: { campaignId: { in: ids } } })).toBe(burst.donationCount);
  expect(await db.donation.count({ where: { campaignId: { in: ids }, status: "pending" } })).toBe(0);
  const eventIds = burst.events.map((e) => String(e.id));
  expect(await db.stripeEvent.count({ where: { id: { in: eventIds } } })).toBe(eventIds.length);
}, 120_000);
