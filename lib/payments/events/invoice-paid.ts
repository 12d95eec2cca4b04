// invoice.paid: a monthly gift was charged. The first invoice (billing_reason
// "subscription_create") is the same payment as the checkout completion, so it only completes the
// original donation; every later invoice is a donation of its own.
import "server-only";
import { randomBytes } from "node:crypto";
import type { EventOf } from "./shapes";
import { markSucceeded } from "./checkout-session";
import { type Changed, lockDonation, lockDonationByAny, lockSubscriptionOrigin, retryOrIgnore, type Tx } from "./shared";

/**
 * `paymentIntentId` is looked up before the transaction (webhook.ts): since API version
 * 2025-03-31 an invoice in a webhook names no payment intent; its InvoicePayment does.
 */
export async function handleInvoicePaid(
  tx: Tx,
  event: EventOf<"invoice.paid">,
  paymentIntentId: string | null,
): Promise<Changed> {
  const invoice = event.data.object;
  const details = invoice.parent?.subscription_details;
  if (!details || invoice.amount_paid <= 0) return [];
  const subscriptionId = details.subscription;
  const originalId = details.metadata?.donationId ?? null;
  const receivedAt = new Date((invoice.status_transitions.paid_at ?? event.created) * 1000);
  const refs = {
    stripeInvoiceId: invoice.id,
    stripeSubscriptionId: subscriptionId,
    ...(paymentIntentId ? { stripePaymentIntentId: paymentIntentId } : {}),
  };

  if (invoice.billing_reason === "subscription_create") {
    const donation = await lockDonationByAny(tx, [
      ["stripeInvoiceId", invoice.id],
      ["id", originalId],
    ]);
    if (!donation) return []; // not a subscription we started
    await markSucceeded(tx, donation, {
      ...refs,
      amount: BigInt(invoice.amount_paid),
      currency: invoice.currency.toUpperCase(),
      receivedAt,
    });
    return [donation.campaignId];
  }

  if (await lockDonation(tx, "stripeInvoiceId", invoice.id)) return []; // recorded already
  const original = await lockSubscriptionOrigin(tx, originalId, subscriptionId);
  if (!original) return retryOrIgnore(event, `no donation for subscription ${subscriptionId}`);
  await tx.donation.create({
    data: {
      ...refs,
      campaignId: original.campaignId,
      amount: BigInt(invoice.amount_paid),
      currency: invoice.currency.toUpperCase(),
      status: "succeeded",
      frequency: "monthly",
      anonymous: original.anonymous,
      displayName: original.displayName,
      donorEmail: original.donorEmail,
      donorName: original.donorName,
      // The subscription's end may have been delivered first: a late renewal is marked too.
      subscriptionEndedAt: original.subscriptionEndedAt,
      receiptToken: randomBytes(24).toString("base64url"),
      receivedAt,
    },
  });
  return [original.campaignId];
}
