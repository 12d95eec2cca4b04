// A paid gift's status and withheld amount, derived from what is known about it: its refunds
// (the running total Stripe reports) and each of its disputes' latest state. Deriving instead of
// stepping from the previous status makes every delivery order end in the same state.
import "server-only";
import type { DonationStatus } from "@/lib/generated/prisma/enums";
import type { LockedDonation, Tx } from "./shared";

/** Closed for good: a later event about the dispute cannot reopen it. */
const CLOSED = new Set(["won", "lost", "warning_closed", "prevented"]);
/**
 * Statuses under which Stripe has not taken the disputed money: inquiries (warning_…), a won
 * dispute, and one prevented by a refund (the refund arrives as charge.refunded). Any other
 * status, an unknown future one included, is treated as money taken back.
 */
const NOT_WITHHELD = new Set(["warning_needs_response", "warning_under_review", "warning_closed", "won", "prevented"]);
/** Order within open (and within closed) states, for events stamped in the same second. */
const PROGRESS = ["warning_needs_response", "warning_under_review", "needs_response", "under_review", "appeal_needs_response", "appeal_under_review"];

export const isClosedDispute = (status: string) => CLOSED.has(status);
export const withholds = (status: string) => !NOT_WITHHELD.has(status);

export type DisputeState = { status: string; eventCreatedAt: Date };

/** True when `incoming` is a later state of the dispute than `stored`: closed beats open, then event time. */
export function isLaterState(incoming: DisputeState, stored: DisputeState): boolean {
  const key = (s: DisputeState) => [isClosedDispute(s.status) ? 1 : 0, s.eventCreatedAt.getTime(), PROGRESS.indexOf(s.status)] as const;
  const [a, b] = [key(incoming), key(stored)];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return incoming.status > stored.status;
}

export function giftStatus(gift: { amount: bigint; refunded: bigint; withheld: bigint; openDispute: boolean }): DonationStatus {
  // Refunded in full: the donor has the money back, so a dispute cannot make it "disputed".
  if (gift.refunded >= gift.amount) return "refunded";
  if (gift.openDispute) return "disputed";
  // Nothing left to the NGO after refunds and lost disputes: shown as refunded, as Stripe's balance says.
  if (gift.refunded + gift.withheld >= gift.amount) return "refunded";
  return "succeeded";
}

/**
 * Writes the gift's refunded amount, withheld amount and status from its disputes (and any extra
 * references). The running-totals trigger then counts max(amount − refunded − withheld, 0).
 */
export async function settleGift(
  tx: Tx,
  donation: LockedDonation,
  refundedAmount: bigint,
  refs: { stripeChargeId?: string } = {},
): Promise<void> {
  const disputes = await tx.dispute.findMany({ where: { donationId: donation.id }, select: { amount: true, status: true } });
  const taken = disputes.filter((d) => withholds(d.status));
  const withheldAmount = taken.reduce((sum, d) => sum + d.amount, 0n);
  const status = giftStatus({
    amount: donation.amount,
    refunded: refundedAmount,
    withheld: withheldAmount,
    openDispute: taken.some((d) => !isClosedDispute(d.status)),
  });
  await tx.donation.update({ where: { id: donation.id }, data: { ...refs, refundedAmount, withheldAmount, status } });
}
