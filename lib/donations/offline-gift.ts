import "server-only";
import { randomBytes } from "node:crypto";
import { FieldError } from "@/lib/actions/field-error";
import { amountRangeMessage, toMinorUnits } from "@/lib/actions/form-fields";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { refreshCampaignTotals } from "./totals";
import { db } from "@/lib/db";
import type { OfflineDonationInput } from "@/lib/validations/offline-gift";

/** Records a bank transfer or cash gift in the campaign's currency; it counts in totals at once. */
export async function recordOfflineDonation(actor: Actor, input: OfflineDonationInput): Promise<string> {
  const actorId = assertMayUse(actor, "donations");
  const id = await db.$transaction(async (tx) => {
    const campaign = await tx.campaign.findUnique({
      where: { id: input.campaignId },
      select: { currency: true },
    });
    if (!campaign) throw new FieldError("campaignId", "NOT_FOUND", "This campaign does not exist.");
    const amount = toMinorUnits(input.amount, campaign.currency);
    if (amount === null || amount <= 0) {
      throw new FieldError("amount", "INVALID_INPUT", amountRangeMessage(campaign.currency));
    }
    const donation = await tx.donation.create({
      data: {
        campaignId: input.campaignId,
        amount,
        currency: campaign.currency,
        status: "succeeded",
        method: input.method,
        receivedAt: input.receivedOn,
        offlineReference: input.reference,
        displayName: input.displayName || null,
        message: input.message || null,
        anonymous: input.anonymous,
        receiptToken: randomBytes(24).toString("base64url"),
        recordedById: actorId,
      },
      select: { id: true },
    });
    await refreshCampaignTotals(tx, input.campaignId);
    await writeAudit(tx, {
      actorId,
      action: "donation.offline",
      entityType: "Donation",
      entityId: donation.id,
      changes: {
        campaignId: { after: input.campaignId },
        amount: { after: amount },
        currency: { after: campaign.currency },
        method: { after: input.method },
        reference: { after: input.reference },
      },
    });
    return donation.id;
  });
  invalidate(CACHE_TAGS.campaigns);
  return id;
}
