// Helpers shared by the webhook event handlers. Every handler runs inside the transaction that
// also records the event id, and returns the campaigns whose donations it changed.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DonationStatus } from "@/lib/generated/prisma/enums";

export type Tx = Prisma.TransactionClient;
/** Campaign ids whose totals must be refreshed in the same transaction. */
export type Changed = string[];

/**
 * The event refers to a donation we have not recorded yet (e.g. a refund delivered before the
 * checkout completion). The transaction rolls back and the webhook answers 500, so Stripe
 * delivers it again later, by which time the completion has normally been recorded.
 */
export class RetryLater extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryLater";
  }
}

/** Stripe retries a failed delivery for up to three days; after that, retrying is pointless. */
const RETRY_WINDOW_SECONDS = 3 * 24 * 3600;

/** Asks for a retry while Stripe still retries; later, the event is not ours: ignore it. */
export function retryOrIgnore(event: { id: string; type: string; created: number }, message: string): Changed {
  if (Date.now() / 1000 - event.created < RETRY_WINDOW_SECONDS) throw new RetryLater(message);
  console.warn(`stripe webhook: ${event.id} (${event.type}) ignored: ${message}`);
  return [];
}

/** Gifts whose money arrived: they count in the totals (net of refunds and disputes). */
export function isPaid(status: DonationStatus): boolean {
  return status === "succeeded" || status === "refunded" || status === "disputed";
}

type LockColumn = "id" | "stripeCheckoutSessionId" | "stripePaymentIntentId" | "stripeChargeId" | "stripeInvoiceId";

const donationFields = {
  id: true,
  campaignId: true,
  amount: true,
  currency: true,
  refundedAmount: true,
  withheldAmount: true,
  status: true,
  frequency: true,
  anonymous: true,
  displayName: true,
  donorEmail: true,
  donorName: true,
  stripeCheckoutSessionId: true,
  stripePaymentIntentId: true,
  stripeChargeId: true,
  stripeInvoiceId: true,
  stripeSubscriptionId: true,
  subscriptionEndedAt: true,
} satisfies Prisma.DonationSelect;

export type LockedDonation = Prisma.DonationGetPayload<{ select: typeof donationFields }>;

/**
 * Locks the donation row (SELECT … FOR UPDATE) and reads it afresh, so two events about the same
 * donation apply one after the other instead of overwriting each other.
 */
export async function lockDonation(tx: Tx, column: LockColumn, value: string | null): Promise<LockedDonation | null> {
  if (!value) return null;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Donation" WHERE ${Prisma.raw(`"${column}"`)} = ${value} FOR UPDATE`;
  const id = rows[0]?.id;
  if (!id) return null;
  return tx.donation.findUnique({ where: { id }, select: donationFields });
}

/** Locks the first donation found by any of the given references. */
export async function lockDonationByAny(
  tx: Tx,
  refs: [LockColumn, string | null][],
): Promise<LockedDonation | null> {
  for (const [column, value] of refs) {
    const donation = await lockDonation(tx, column, value);
    if (donation) return donation;
  }
  return null;
}

/** Charges and disputes point at a payment intent and a charge; either may identify the donation. */
export function paymentRefs(paymentIntent: string | null, charge: string | null): [LockColumn, string | null][] {
  return [
    ["stripePaymentIntentId", paymentIntent],
    ["stripeChargeId", charge],
  ];
}

/**
 * Locks the gift a subscription started with (by the donation id in its metadata, else its first
 * donation). invoice.paid and customer.subscription.deleted both take this lock first, so a
 * renewal and the end of its subscription, delivered together, apply one after the other.
 */
export async function lockSubscriptionOrigin(
  tx: Tx,
  originalId: string | null,
  subscriptionId: string | null,
): Promise<LockedDonation | null> {
  const byId = await lockDonation(tx, "id", originalId);
  if (byId || !subscriptionId) return byId;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Donation" WHERE "stripeSubscriptionId" = ${subscriptionId}
     ORDER BY "createdAt" ASC, "id" ASC LIMIT 1 FOR UPDATE`;
  return lockDonation(tx, "id", rows[0]?.id ?? null);
}
