// Deliveries that are not what Stripe sends: each is answered 4xx (or 200 "ignored") and writes
// nothing. The signature and idempotency cases live in webhook.test.ts.
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/cache", () => ({
  CACHE_TAGS: { campaigns: "campaigns", posts: "posts" },
  invalidate: vi.fn(),
}));

const { POST } = await import("@/app/api/stripe/webhook/route");
const { db } = await import("@/lib/db");
const { derivedSecret } = await import("@/lib/env");
const events = await import("@/test/support/stripe/objects");

const secret = derivedSecret("test-webhook");
const signer = new Stripe("sk_test_signing_only").webhooks;
const URL_ = "http://localhost/api/stripe/webhook";

async function post(body: BodyInit, headers: Record<string, string>): Promise<Response> {
  return POST(new Request(URL_, { method: "POST", body, headers, duplex: "half" } as RequestInit));
}

async function pendingGift() {
  const campaign = await db.campaign.create({
    data: {
      slug: `edge-${randomBytes(4).toString("hex")}`,
      title: "Edge",
      summary: "-",
      goalAmount: 100_000n,
      currency: "JPY",
      status: "published",
    },
    select: { id: true },
  });
  const donation = await db.donation.create({
    data: {
      campaignId: campaign.id,
      amount: 5000,
      currency: "JPY",
      status: "pending",
      receiptToken: randomBytes(24).toString("base64url"),
    },
    select: { id: true },
  });
  const session = events.checkoutSessionObject({
    id: events.stripeId("cs"),
    mode: "payment",
    amount: 5000,
    currency: "jpy",
    metadata: { donationId: donation.id, campaignId: campaign.id },
    paymentIntentId: events.stripeId("pi"),
  });
  return { campaign, donation, event: events.eventOf("checkout.session.completed", session) };
}

async function expectNothingWritten(gift: Awaited<ReturnType<typeof pendingGift>>): Promise<void> {
  expect(await db.stripeEvent.count({ where: { id: String(gift.event.id) } })).toBe(0);
  expect((await db.donation.findUniqueOrThrow({ where: { id: gift.donation.id } })).status).toBe("pending");
  expect(
    await db.campaign.findUniqueOrThrow({ where: { id: gift.campaign.id }, select: { raisedAmount: true } }),
  ).toEqual({
    raisedAmount: 0n,
  });
}

afterAll(async () => {
  await db.$disconnect();
});

describe("POST /api/stripe/webhook with unusual deliveries", () => {
  it("refuses a correctly signed delivery older than the SDK's 5-minute tolerance", async () => {
    const gift = await pendingGift();
    const payload = JSON.stringify(gift.event);
    const stale = signer.generateTestHeaderString({
      payload,
      secret,
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect((await post(payload, { "stripe-signature": stale })).status).toBe(400);
    await expectNothingWritten(gift);
    // The same bytes signed now are accepted: only the age was wrong.
    const fresh = signer.generateTestHeaderString({ payload, secret });
    expect((await post(payload, { "stripe-signature": fresh })).status).toBe(200);
  });

  it("refuses a correctly signed delivery dated an hour, or 301 s, in the future (issue 20, item 9)", async () => {
    const gift = await pendingGift();
    const payload = JSON.stringify(gift.event);
    const now = Math.floor(Date.now() / 1000);
    for (const ahead of [3600, 301]) {
      const future = signer.generateTestHeaderString({ payload, secret, timestamp: now + ahead });
      expect((await post(payload, { "stripe-signature": future })).status, `${ahead} s ahead`).toBe(400);
    }
    await expectNothingWritten(gift);
    // A clock a little ahead of ours is within the same tolerance as a little behind.
    const slightlyAhead = signer.generateTestHeaderString({ payload, secret, timestamp: now + 60 });
    expect((await post(payload, { "stripe-signature": slightlyAhead })).status).toBe(200);
  });

  it("refuses a delivery without a signature header", async () => {
    const gift = await pendingGift();
    expect((await post(JSON.stringify(gift.event), {})).status).toBe(400);
    await expectNothingWritten(gift);
  });

  it("answers 400, not 500, to malformed JSON with a valid signature", async () => {
    const broken = [
      '{"id": "evt_broken", "type": "checkout.session.completed"',
      "",
      "null",
      "[]",
      "{}",
      "\u0000\uD800",
      '{"id": "evt_broken", "type": "checkout.session.completed", "created": 1, "data": {}}',
      '{"id": "evt_broken", "type": "charge.refunded", "created": "soon", "data": {"object": {}}}',
    ];
    for (const payload of broken) {
      const signature = signer.generateTestHeaderString({ payload, secret });
      expect((await post(payload, { "stripe-signature": signature })).status, JSON.stringify(payload)).toBe(
        400,
      );
    }
    expect(await db.stripeEvent.count({ where: { id: "evt_broken" } })).toBe(0);
  });

  it("ignores an event type it does not handle and records nothing", async () => {
    const event = events.eventOf("payment_intent.created", events.paymentIntentObject({ amount: 5000, currency: "jpy" }));
    const { payload, signature } = events.signEvent(event, secret);
    const response = await post(payload, { "stripe-signature": signature });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, note: "ignored" });
    expect(await db.stripeEvent.count({ where: { id: String(event.id) } })).toBe(0);
  });

  it("refuses a huge body with 413 before reading it all, declared or streamed", async () => {
    const gift = await pendingGift();
    // A valid event padded to 2 MB, correctly signed: size alone is the reason.
    const payload = JSON.stringify({ ...gift.event, padding: "x".repeat(2 * 1024 * 1024) });
    const signature = signer.generateTestHeaderString({ payload, secret });
    expect((await post(payload, { "stripe-signature": signature })).status).toBe(413);
    // No Content-Length: the stream is cut once it passes the limit.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        if (sent > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(new Uint8Array(64 * 1024).fill(120));
      },
    });
    expect((await post(stream, { "stripe-signature": signature })).status).toBe(413);
    expect(sent).toBeLessThan(4 * 1024 * 1024);
    await expectNothingWritten(gift);
  });
});
