// charge.refunded: full or partial refund. amount_refunded is the running total, so a repeated or
// reordered delivery can only raise refundedAmount, never count a refund twice. The status comes
// from the refunds and the gift's disputes together (gift-state.ts).
import "server-only";
import type { EventOf } from "./shapes";
import { settleGift } from "./gift-state";
import { type Changed, isPaid, lockDonationByAny, paymentRefs, retryOrIgnore, type Tx } from "./shared";

export async function handleChargeRefunded(tx: Tx, event: EventOf<"charge.refunded">): Promise<Changed> {
  const charge = event.data.object;
  const donation = await lockDonationByAny(tx, paymentRefs(charge.payment_intent, charge.id));
  if (!donation || !isPaid(donation.status)) {
    return retryOrIgnore(event, `refund for a payment not recorded yet (${charge.payment_intent ?? charge.id})`);
  }
  const reported = BigInt(charge.amount_refunded);
  const atLeast = donation.refundedAmount > reported ? donation.refundedAmount : reported;
  const refundedAmount = atLeast < donation.amount ? atLeast : donation.amount;
  await settleGift(tx, donation, refundedAmount, { stripeChargeId: charge.id });
  return [donation.campaignId];
}
