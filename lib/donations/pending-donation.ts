import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { DonationFrequency } from "@/lib/generated/prisma/enums";

export type PendingDonationInput = {
  campaignId: string;
  amount: bigint;
  currency: string;
  frequency: DonationFrequency;
  anonymous: boolean;
  displayName: string | null;
  message: string | null;
  donorEmail: string | null;
};

/**
 * Records a gift the donor is about to pay. It stays `pending` (and out of the totals) until the
 * webhook confirms the payment; the checkout session carries its id in metadata.
 */
export async function createPendingDonation(input: PendingDonationInput): Promise<{ id: string }> {
  return db.donation.create({
    data: { ...input, status: "pending", method: "card", receiptToken: randomBytes(24).toString("base64url") },
    select: { id: true },
  });
}

/** Links the pending donation to its checkout session (the thank-you page finds it by session id). */
export async function attachCheckoutSession(donationId: string, sessionId: string): Promise<void> {
  await db.donation.update({ where: { id: donationId }, data: { stripeCheckoutSessionId: sessionId } });
}

/** The session could not be created: the donation never happened. */
export async function markCheckoutFailed(donationId: string): Promise<void> {
  await db.donation.update({ where: { id: donationId, status: "pending" }, data: { status: "failed" } });
}
