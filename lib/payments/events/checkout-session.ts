// checkout.session.completed / async_payment_succeeded / async_payment_failed / expired: the donor
// finished (or abandoned) Stripe Checkout. The pending donation becomes a gift or a failure.
import "server-only";
import type Stripe from "stripe";
import { type Changed, idOf, lockDonationByAny, type LockedDonation, type Tx } from "./shared";

type SessionEvent =
  | Stripe.CheckoutSessionCompletedEvent
  | Stripe.CheckoutSessionAsyncPaymentSucceededEvent
  | Stripe.CheckoutSessionAsyncPaymentFailedEvent
  | Stripe.CheckoutSessionExpiredEvent;

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
    ...(idOf(session.payment_intent) ? { stripePaymentIntentId: idOf(session.payment_intent) } : {}),
    ...(idOf(session.subscription) ? { stripeSubscriptionId: idOf(session.subscription) } : {}),
    ...(idOf(session.invoice) && !donation.stripeInvoiceId ? { stripeInvoiceId: idOf(session.invoice) } : {}),
    ...(!donation.donorEmail && session.customer_details?.email ? { donorEmail: session.customer_details.email } : {}),
  };

  const paid =
    event.type === "checkout.session.async_payment_succeeded" ||
    (event.type === "checkout.session.completed" && session.payment_status !== "unpaid");

  if (event.type === "checkout.session.async_payment_failed" || event.type === "checkout.session.expired") {
    // Abandoned or failed: never counted, so totals do not move, but the row is no longer pending.
    if (donation.status !== "pending") return [];
    await tx.donation.update({ where: { id: donation.id }, data: { ...refs, status: "failed" } });
    return [donation.campaignId];
  }
  if (!paid) {
    // A delayed method (e.g. bank debit): remember the references, count it when it succeeds.
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
  const counted = donation.status === "succeeded" || donation.status === "refunded" || donation.status === "disputed";
  await tx.donation.update({
    where: { id: donation.id },
    data: counted ? refs : { ...refs, amount, currency, receivedAt, status: "succeeded" },
  });
}
