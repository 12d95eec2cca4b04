import "server-only";
import { FieldError, NeedsConfirmation } from "@/lib/actions/field-error";
import { toMinorUnits } from "@/lib/actions/form-fields";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { requestRefund } from "@/lib/payments/refund";
import type { RefundInput } from "@/lib/validations/donation-staff";

/**
 * Asks Stripe to refund a card gift (default: everything not refunded yet) and records who asked.
 * With `confirmed: false` (the dashboard form until the coordinator says yes) it only checks the
 * amount and asks for that yes (NeedsConfirmation).
 * The donation itself changes only when Stripe's charge.refunded webhook arrives, like a refund
 * made in Stripe's own dashboard.
 */
export async function refundDonation(actor: Actor, input: RefundInput): Promise<string> {
  const actorId = assertMayUse(actor, "donations");
  const donation = await db.donation.findUnique({
    where: { id: input.id },
    select: {
      id: true,
      amount: true,
      currency: true,
      refundedAmount: true,
      withheldAmount: true,
      status: true,
      stripePaymentIntentId: true,
      stripeChargeId: true,
    },
  });
  if (!donation) throw new AppError("NOT_FOUND", "This donation does not exist.");
  const { stripePaymentIntentId } = donation;
  if (!stripePaymentIntentId) {
    throw new AppError("CONFLICT", "This gift was not paid through Stripe, so it cannot be refunded here.");
  }
  if (donation.status === "disputed") throw new AppError("CONFLICT", "This gift is disputed: Stripe handles the dispute.");
  // What a lost dispute took back cannot be refunded as well.
  const remaining = donation.amount - donation.refundedAmount - donation.withheldAmount;
  if (donation.status !== "succeeded" || remaining <= 0n) {
    throw new AppError("CONFLICT", "There is nothing left to refund on this gift.");
  }
  let amount = remaining;
  if (input.amount) {
    const typed = toMinorUnits(input.amount, donation.currency);
    if (typed === null || typed <= 0n || typed > remaining) {
      throw new FieldError(
        "amount",
        "INVALID_INPUT",
        `Enter a positive amount in ${donation.currency} up to ${formatMoney(remaining, donation.currency)}, or leave it empty to refund all of it.`,
      );
    }
    amount = typed;
  }
  if (input.confirmed === false) {
    const part = amount === donation.amount ? "all" : `${formatMoney(amount, donation.currency)} of`;
    throw new NeedsConfirmation(
      `Refund ${part} this ${formatMoney(donation.amount, donation.currency)} gift to the donor's card? A refund cannot be undone.`,
      `Yes, refund ${formatMoney(amount, donation.currency)}`,
    );
  }
  const { refundId } = await requestRefund({ ...donation, stripePaymentIntentId }, amount);
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actorId,
      action: "donation.refund_requested",
      entityType: "Donation",
      entityId: donation.id,
      changes: { refund: { after: { refundId, amount } } },
    }),
  );
  return refundId;
}
