// charge.dispute.created / closed: a disputed gift stops counting while the dispute is open;
// won → it counts again, lost → the money is gone, recorded as refunded in full.
import "server-only";
import type Stripe from "stripe";
import { type Changed, idOf, lockDonationByAny, paymentRefs, retryOrIgnore, type Tx } from "./shared";

export async function handleChargeDispute(
  tx: Tx,
  event: Stripe.ChargeDisputeCreatedEvent | Stripe.ChargeDisputeClosedEvent,
): Promise<Changed> {
  const dispute = event.data.object;
  const donation = await lockDonationByAny(tx, paymentRefs(idOf(dispute.payment_intent), idOf(dispute.charge)));
  if (!donation || donation.status === "pending") {
    return retryOrIgnore(event, `dispute for a payment not recorded yet (${idOf(dispute.charge)})`);
  }
  const chargeRef = donation.stripeChargeId ? {} : { stripeChargeId: idOf(dispute.charge) };
  if (event.type === "charge.dispute.created") {
    if (donation.status === "refunded") return [];
    await tx.donation.update({ where: { id: donation.id }, data: { ...chargeRef, status: "disputed" } });
  } else if (dispute.status === "lost") {
    await tx.donation.update({
      where: { id: donation.id },
      data: { ...chargeRef, status: "refunded", refundedAmount: donation.amount },
    });
  } else {
    const status = donation.refundedAmount >= donation.amount ? "refunded" : "succeeded";
    await tx.donation.update({ where: { id: donation.id }, data: { ...chargeRef, status } });
  }
  return [donation.campaignId];
}
