// charge.dispute.created / updated / closed: each dispute keeps its own latest state (by Stripe
// dispute id), and the gift is settled from all of them. An event older than the stored state
// changes nothing, so a "closed: won" delivered before its "created" ends the same as in order.
// The disputed amount (which may be part of the charge) is withheld while open and when lost.
import "server-only";
import type { EventOf } from "./shapes";
import { isClosedDispute, isLaterState, settleGift } from "./gift-state";
import { type Changed, isPaid, lockDonationByAny, paymentRefs, retryOrIgnore, type Tx } from "./shared";

type DisputeEvent = EventOf<"charge.dispute.created" | "charge.dispute.updated" | "charge.dispute.closed">;

export async function handleChargeDispute(tx: Tx, event: DisputeEvent): Promise<Changed> {
  const dispute = event.data.object;
  const donation = await lockDonationByAny(tx, paymentRefs(dispute.payment_intent, dispute.charge));
  if (!donation || !isPaid(donation.status)) {
    return retryOrIgnore(event, `dispute for a payment not recorded yet (${dispute.charge})`);
  }
  // The donation's lock (above) serialises every event about its disputes.
  const stored = await tx.dispute.findUnique({ where: { id: dispute.id }, select: { status: true, eventCreatedAt: true, closedAt: true } });
  const eventCreatedAt = new Date(event.created * 1000);
  if (stored && !isLaterState({ status: dispute.status, eventCreatedAt }, stored)) return [];

  const state = {
    status: dispute.status,
    amount: BigInt(dispute.amount),
    currency: dispute.currency.toUpperCase(),
    eventCreatedAt,
    closedAt: isClosedDispute(dispute.status) ? (stored?.closedAt ?? eventCreatedAt) : null,
  };
  await tx.dispute.upsert({
    where: { id: dispute.id },
    create: { id: dispute.id, donationId: donation.id, chargeId: dispute.charge, openedAt: new Date(dispute.created * 1000), ...state },
    update: state,
  });
  await settleGift(tx, donation, donation.refundedAmount, donation.stripeChargeId ? {} : { stripeChargeId: dispute.charge });
  return [donation.campaignId];
}
