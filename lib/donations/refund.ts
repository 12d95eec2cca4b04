import "server-only";
import { FieldError } from "@/lib/actions/field-error";
import { toMinorUnits } from "@/lib/actions/form-fields";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestRefund } from "@/lib/payments/refund";
import type { RefundInput } from "@/lib/validations/offline-donation";

/**
 * Asks Stripe to refund a card gift and records who asked. The donation itself changes only when
 * Stripe's charge.refunded webhook arrives, like a refund made in Stripe's own dashboard.
 */
export async function refundDonation(input: RefundInput, actorId: string): Promise<string> {
  const donation = await db.donation.findUnique({ where: { id: input.id }, select: { currency: true } });
  if (!donation) throw new AppError("NOT_FOUND", "This donation does not exist.");
  let amount: number | undefined;
  if (input.amount) {
    amount = toMinorUnits(input.amount, donation.currency) ?? undefined;
    if (!amount || amount <= 0) {
      throw new FieldError("amount", "INVALID_INPUT", `Enter a positive amount in ${donation.currency}, or leave it empty.`);
    }
  }
  const { refundId } = await requestRefund({ donationId: input.id, amount });
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actorId,
      action: "donation.refund_requested",
      entityType: "Donation",
      entityId: input.id,
      changes: { refund: { after: { refundId, amount: amount ?? "remaining" } } },
    }),
  );
  return refundId;
}
