// Refunds a card gift. Stripe (or, in test mode, a signed charge.refunded event) reports the
// refund to the webhook, which records it: this function never writes donations itself.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { stripeClient, stripeConfigured, testCheckoutEnabled } from "./stripe";
import { chargeObject, eventOf, stripeId } from "./stripe-objects";
import { deliverTestEvent } from "./demo-checkout";

/** Refunds `amount` minor units of the gift (default: everything not refunded yet). */
export async function requestRefund(input: { donationId: string; amount?: number }): Promise<{ refundId: string }> {
  const donation = await db.donation.findUnique({
    where: { id: input.donationId },
    select: {
      id: true,
      amount: true,
      currency: true,
      refundedAmount: true,
      status: true,
      stripePaymentIntentId: true,
      stripeChargeId: true,
    },
  });
  if (!donation) throw new AppError("NOT_FOUND", "This donation does not exist.");
  if (!donation.stripePaymentIntentId) {
    throw new AppError("CONFLICT", "This gift was not paid through Stripe, so it cannot be refunded here.");
  }
  if (donation.status === "disputed") throw new AppError("CONFLICT", "This gift is disputed: Stripe handles the dispute.");
  const remaining = donation.amount - donation.refundedAmount;
  if (donation.status !== "succeeded" || remaining <= 0) {
    throw new AppError("CONFLICT", "There is nothing left to refund on this gift.");
  }
  const amount = input.amount ?? remaining;
  if (!Number.isInteger(amount) || amount <= 0 || amount > remaining) {
    throw new AppError("INVALID_INPUT", `Enter an amount between 1 and ${formatMoney(remaining, donation.currency)}.`);
  }

  if (stripeConfigured()) {
    try {
      const refund = await stripeClient().refunds.create(
        { payment_intent: donation.stripePaymentIntentId, amount, reason: "requested_by_customer", metadata: { donationId: donation.id } },
        // Same gift, same state, same amount → the same refund, however often the button is pressed.
        { idempotencyKey: `refund-${donation.id}-${donation.refundedAmount}-${amount}` },
      );
      return { refundId: refund.id };
    } catch (error) {
      console.error("refund: Stripe refused or was unreachable:", error);
      throw new AppError("PAYMENT_PROVIDER", "Stripe could not refund this gift just now. Please try again.", { cause: error });
    }
  }
  if (!testCheckoutEnabled()) throw new AppError("PAYMENT_PROVIDER", "Stripe is not configured on this site.");
  const charge = chargeObject({
    id: donation.stripeChargeId ?? stripeId("ch"),
    paymentIntentId: donation.stripePaymentIntentId,
    amount: donation.amount,
    amountRefunded: donation.refundedAmount + amount,
    currency: donation.currency,
  });
  await deliverTestEvent(eventOf("charge.refunded", charge));
  return { refundId: stripeId("re") };
}
