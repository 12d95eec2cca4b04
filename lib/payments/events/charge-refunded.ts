// charge.refunded: full or partial refund. amount_refunded is the running total, so a repeated or
// reordered delivery can only raise refundedAmount, never count a refund twice.
import "server-only";
import type Stripe from "stripe";
import { type Changed, idOf, lockDonationByAny, paymentRefs, retryOrIgnore, type Tx } from "./shared";

export async function handleChargeRefunded(tx: Tx, event: Stripe.ChargeRefundedEvent): Promise<Changed> {
  const charge = event.data.object;
  const donation = await lockDonationByAny(tx, paymentRefs(idOf(charge.payment_intent), charge.id));
  if (!donation || donation.status === "pending") {
    return retryOrIgnore(event, `refund for a payment not recorded yet (${idOf(charge.payment_intent) ?? charge.id})`);
  }
  const reported = BigInt(charge.amount_refunded);
  const atLeast = donation.refundedAmount > reported ? donation.refundedAmount : reported;
  const refundedAmount = atLeast < donation.amount ? atLeast : donation.amount;
  const fully = refundedAmount >= donation.amount;
  await tx.donation.update({
    where: { id: donation.id },
    data: {
      refundedAmount,
      stripeChargeId: charge.id,
      ...(fully && donation.status !== "disputed" ? { status: "refunded" } : {}),
    },
  });
  return [donation.campaignId];
}
