// Stripe event sequences for one gift, each with the state it must end in whatever the delivery
// order. Built from Stripe's example objects; the expected figures are written by hand from
// Stripe's rules (a refund's running total, a dispute's amount), never computed by the app's code.
import * as stripe from "./stripe/objects";

type Json = stripe.Json;

/** What one scenario's gift is about: ids the events refer to. */
export type GiftRefs = {
  donationId: string;
  campaignId: string;
  paymentIntentId: string;
  chargeId: string;
  sessionId: string;
};

export type Expected = {
  status: "pending" | "succeeded" | "failed" | "refunded" | "disputed";
  refundedAmount: bigint;
  withheldAmount: bigint;
  raisedAmount: bigint;
  donorCount: number;
  /** Donation rows of the campaign (a renewal is a row of its own). */
  donations?: number;
  /** Every donation of the gift is marked ended (monthly gifts). */
  ended?: boolean;
};

export type Scenario = {
  name: string;
  amount: number;
  frequency?: "once" | "monthly";
  /** The distinct events, in the order Stripe created them. */
  events: (gift: GiftRefs) => Json[];
  expected: Expected;
};

// Events are stamped a minute apart, in the order Stripe created them (dispute states are
// ordered by this time), ten minutes ago: well inside Stripe's three days of retries.
const stamp = (events: Json[]): Json[] => {
  const start = stripe.nowSeconds() - 600;
  return events.map((event, i) => ({ ...event, created: start + 60 * i }));
};

const paid = (g: GiftRefs, amount: number, paymentStatus: "paid" | "unpaid" = "paid") =>
  stripe.checkoutSessionObject({
    id: g.sessionId,
    mode: "payment",
    amount,
    currency: "jpy",
    metadata: { donationId: g.donationId, campaignId: g.campaignId },
    paymentIntentId: g.paymentIntentId,
    paymentStatus,
  });

const refunded = (g: GiftRefs, amount: number, total: number) =>
  stripe.eventOf(
    "charge.refunded",
    stripe.chargeObject({ id: g.chargeId, paymentIntentId: g.paymentIntentId, amount, amountRefunded: total, currency: "jpy" }),
  );

/** One dispute (one id) through several states. */
function dispute(g: GiftRefs, amount: number) {
  const id = stripe.stripeId("dp");
  const opened = stripe.nowSeconds() - 600;
  return (type: "created" | "updated" | "closed", status: stripe.DisputeStatus) =>
    stripe.eventOf(
      `charge.dispute.${type}`,
      stripe.disputeObject({ id, chargeId: g.chargeId, paymentIntentId: g.paymentIntentId, amount, currency: "jpy", status, created: opened }),
    );
}

const completed = (g: GiftRefs, amount: number) => stripe.eventOf("checkout.session.completed", paid(g, amount));

export const SCENARIOS: Scenario[] = [
  {
    name: "a card gift refunded in part, then in full",
    amount: 10_000,
    events: (g) => stamp([completed(g, 10_000), refunded(g, 10_000, 4_000), refunded(g, 10_000, 10_000)]),
    expected: { status: "refunded", refundedAmount: 10_000n, withheldAmount: 0n, raisedAmount: 0n, donorCount: 0 },
  },
  {
    name: "a delayed payment (konbini) that is paid",
    amount: 5_000,
    events: (g) =>
      stamp([
        stripe.eventOf("checkout.session.completed", paid(g, 5_000, "unpaid")),
        stripe.eventOf("checkout.session.async_payment_succeeded", paid(g, 5_000)),
      ]),
    expected: { status: "succeeded", refundedAmount: 0n, withheldAmount: 0n, raisedAmount: 5_000n, donorCount: 1 },
  },
  {
    name: "a delayed payment that fails",
    amount: 5_000,
    events: (g) =>
      stamp([
        stripe.eventOf("checkout.session.completed", paid(g, 5_000, "unpaid")),
        stripe.eventOf("checkout.session.async_payment_failed", paid(g, 5_000, "unpaid")),
      ]),
    expected: { status: "failed", refundedAmount: 0n, withheldAmount: 0n, raisedAmount: 0n, donorCount: 0 },
  },
  {
    name: "an abandoned checkout that expires",
    amount: 5_000,
    events: (g) =>
      stamp([stripe.eventOf("checkout.session.expired", { ...paid(g, 5_000, "unpaid"), status: "expired", payment_intent: null })]),
    expected: { status: "failed", refundedAmount: 0n, withheldAmount: 0n, raisedAmount: 0n, donorCount: 0 },
  },
  {
    name: "a monthly gift: first invoice, a renewal, then its end",
    amount: 2_000,
    frequency: "monthly",
    events: (g) => {
      const subscriptionId = stripe.stripeId("sub");
      const metadata = { donationId: g.donationId, campaignId: g.campaignId };
      const invoice = (id: string, billingReason: "subscription_create" | "subscription_cycle") =>
        stripe.eventOf("invoice.paid", stripe.invoiceObject({ id, subscriptionId, amount: 2_000, currency: "jpy", billingReason, metadata }));
      const first = stripe.stripeId("in");
      const session = stripe.checkoutSessionObject({
        id: g.sessionId,
        mode: "subscription",
        amount: 2_000,
        currency: "jpy",
        metadata,
        subscriptionId,
        invoiceId: first,
      });
      return stamp([
        stripe.eventOf("checkout.session.completed", session),
        invoice(first, "subscription_create"),
        invoice(stripe.stripeId("in"), "subscription_cycle"),
        stripe.eventOf("customer.subscription.deleted", stripe.subscriptionObject({ id: subscriptionId, metadata })),
      ]);
    },
    expected: { status: "succeeded", refundedAmount: 0n, withheldAmount: 0n, raisedAmount: 4_000n, donorCount: 1, donations: 2, ended: true },
  },
  {
    name: "a dispute opened, then won (issue 13, bug 1: closed before created)",
    amount: 2_500,
    events: (g) => {
      const d = dispute(g, 2_500);
      return stamp([completed(g, 2_500), d("created", "needs_response"), d("closed", "won")]);
    },
    expected: { status: "succeeded", refundedAmount: 0n, withheldAmount: 0n, raisedAmount: 2_500n, donorCount: 1 },
  },
  {
    name: "a dispute over part of the gift, lost (issue 13, bug 2)",
    amount: 6_000,
    events: (g) => {
      const d = dispute(g, 2_000);
      return stamp([completed(g, 6_000), d("created", "needs_response"), d("closed", "lost")]);
    },
    expected: { status: "succeeded", refundedAmount: 0n, withheldAmount: 2_000n, raisedAmount: 4_000n, donorCount: 1 },
  },
  {
    name: "a partial refund and a lost dispute over part of the rest",
    amount: 6_000,
    events: (g) => {
      const d = dispute(g, 2_000);
      return stamp([completed(g, 6_000), refunded(g, 6_000, 1_000), d("created", "needs_response"), d("closed", "lost")]);
    },
    expected: { status: "succeeded", refundedAmount: 1_000n, withheldAmount: 2_000n, raisedAmount: 3_000n, donorCount: 1 },
  },
  {
    name: "a dispute on a gift refunded in full",
    amount: 5_000,
    events: (g) => {
      const d = dispute(g, 5_000);
      return stamp([completed(g, 5_000), refunded(g, 5_000, 5_000), d("created", "needs_response")]);
    },
    expected: { status: "refunded", refundedAmount: 5_000n, withheldAmount: 5_000n, raisedAmount: 0n, donorCount: 0 },
  },
  {
    name: "a refund on a gift with an open dispute over part of it",
    amount: 6_000,
    events: (g) => {
      const d = dispute(g, 2_000);
      return stamp([completed(g, 6_000), d("created", "needs_response"), refunded(g, 6_000, 1_000)]);
    },
    expected: { status: "disputed", refundedAmount: 1_000n, withheldAmount: 2_000n, raisedAmount: 3_000n, donorCount: 1 },
  },
  {
    name: "an inquiry that escalates to a dispute (charge.dispute.updated)",
    amount: 3_000,
    events: (g) => {
      const d = dispute(g, 3_000);
      return stamp([completed(g, 3_000), d("created", "warning_needs_response"), d("updated", "needs_response")]);
    },
    expected: { status: "disputed", refundedAmount: 0n, withheldAmount: 3_000n, raisedAmount: 0n, donorCount: 0 },
  },
  {
    name: "an inquiry that closes without a dispute",
    amount: 3_000,
    events: (g) => {
      const d = dispute(g, 3_000);
      return stamp([completed(g, 3_000), d("created", "warning_needs_response"), d("closed", "warning_closed")]);
    },
    expected: { status: "succeeded", refundedAmount: 0n, withheldAmount: 0n, raisedAmount: 3_000n, donorCount: 1 },
  },
];

/** Every order of `items` (for the short sequences), else in order and reversed. */
export function ordersOf<T>(items: T[]): { label: string; items: T[] }[] {
  if (items.length > 3) {
    return [
      { label: "in order", items },
      { label: "reversed", items: [...items].reverse() },
    ];
  }
  const permute = (rest: number[]): number[][] =>
    rest.length <= 1 ? [rest] : rest.flatMap((first, i) => permute(rest.filter((_, j) => j !== i)).map((p) => [first, ...p]));
  return permute(items.map((_, i) => i)).map((order) => ({
    label: order.map((i) => i + 1).join("-"),
    items: order.map((i) => items[i]!),
  }));
}
