// checkout.session.completed / async_payment_succeeded / async_payment_failed / expired: the donor
// finished (or abandoned) Stripe Checkout. The pending donation becomes a gift or a failure.
import "server-only";
import type { EventOf } from "./shapes";
import { type Changed, isPaid, lockDonationByAny, type LockedDonation, type Tx } from "./shared";

type SessionEvent = EventOf<
  | "checkout.session.completed"
  | "checkout.session.async_payment_succeeded"
  | "checkout.session.async_payment_failed"
  | "checkout.session.expired"
>;

export async function handleCheckoutSession(tx: Tx, event: SessionEvent): Promise<Changed> {
  const session = event.data.object;
  const donation = await lockDonationByAny(tx, [
    ["stripeCheckoutSessionId", session.id],
    ["id", session.metadata?.donationId ?? null],
  ]);
  // Every session we create has a pending donation first; anything else is not ours.
  if (!donation) return [];

  const refs = {
    stripeCheckoutSessionId: session.id,
    ...(session.payment_intent ? { stripePaymentIntentId: session.payment_intent } : {}),
    ...(session.subscription ? { stripeSubscriptionId: session.subscription } : {}),
    ...(session.invoice && !donation.stripeInvoiceId ? { stripeInvoiceId: session.invoice } : {}),
    ...(!donation.donorEmail && session.customer_details?.email ? { donorEmail: session.customer_details.email } : {}),
  };

  // Only "paid" is money: a delayed method (konbini, bank transfer) completes the session "unpaid"
  // and is paid (async_payment_succeeded) or not (async_payment_failed) days later;
  // "no_payment_required" (a zero total) is no gift either.
  const paid =
    (event.type === "checkout.session.completed" || event.type === "checkout.session.async_payment_succeeded") &&
    session.payment_status === "paid";

  if (event.type === "checkout.session.async_payment_failed" || event.type === "checkout.session.expired") {
    // Abandoned or failed: never counted, so totals do not move, but the row is no longer pending.
    if (donation.status !== "pending") return [];
    await tx.donation.update({ where: { id: donation.id }, data: { ...refs, status: "failed" } });
    return [donation.campaignId];
  }
  if (!paid) {
    // Not paid yet: remember the references, count it when async_payment_succeeded arrives.
    await tx.donation.update({ where: { id: donation.id }, data: refs });
    return [];
  }
  await markSucceeded(tx, donation, {
    ...refs,
    amount: session.amount_total === null ? donation.amount : BigInt(session.amount_total),
    currency: (session.currency ?? donation.currency).toUpperCase(),
    receivedAt: new Date(event.created * 1000),
  });
  return [donation.campaignId];
}

/** Turns a pending (or failed) donation into a gift; a gift already recorded only gains references. */
export async function markSucceeded(
  tx: Tx,
  donation: LockedDonation,
  data: { amount: bigint; currency: string; receivedAt: Date } & Record<string, string | bigint | Date | null>,
): Promise<void> {
  const { amount, currency, receivedAt, ...refs } = data;
  await tx.donation.update({
    where: { id: donation.id },
    data: isPaid(donation.status) ? refs : { ...refs, amount, currency, receivedAt, status: "succeeded" },
  });
}
