// Refunds part or all of a card gift at Stripe. Stripe (or, in the demo checkout, a signed
// charge.refunded event) reports the refund to the webhook, which records it: nothing here
// writes donations.
import "server-only";
import { AppError } from "@/lib/errors";
import { refundDemoCharge } from "./demo-checkout";
import { stripeClient, stripeConfigured, demoCheckoutEnabled } from "./stripe";

export type RefundableDonation = {
  id: string;
  amount: bigint;
  currency: string;
  refundedAmount: bigint;
  stripePaymentIntentId: string;
  stripeChargeId: string | null;
};

/** Refunds `amount` minor units; the caller has checked the amount against what is left. */
export async function requestRefund(donation: RefundableDonation, amount: bigint): Promise<{ refundId: string }> {
  if (stripeConfigured()) {
    try {
      const refund = await stripeClient().refunds.create(
        {
          payment_intent: donation.stripePaymentIntentId,
          amount: Number(amount),
          reason: "requested_by_customer",
          metadata: { donationId: donation.id },
        },
        // Same gift, same state, same amount → the same refund, however often the button is pressed.
        { idempotencyKey: `refund-${donation.id}-${donation.refundedAmount}-${amount}` },
      );
      return { refundId: refund.id };
    } catch (error) {
      console.error("refund: Stripe refused or was unreachable:", error);
      throw new AppError("PAYMENT_PROVIDER", "Stripe could not refund this gift just now. Please try again.", { cause: error });
    }
  }
  if (!demoCheckoutEnabled()) throw new AppError("PAYMENT_PROVIDER", "Stripe is not configured on this site.");
  return { refundId: await refundDemoCharge(donation, amount) };
}
