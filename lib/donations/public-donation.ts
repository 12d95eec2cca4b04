import "server-only";
import { db } from "@/lib/db";

/** The campaign as the donate page shows it: public fields and totals only. */
export async function getDonateCampaign(slug: string) {
  return db.campaign.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      status: true,
      currency: true,
      goalAmount: true,
      raisedAmount: true,
      donorCount: true,
    },
  });
}

/** What the thank-you page shows for a checkout session: no private donor details. */
export async function getThankYou(sessionId: string) {
  return db.donation.findUnique({
    where: { stripeCheckoutSessionId: sessionId },
    select: {
      amount: true,
      currency: true,
      status: true,
      frequency: true,
      receiptToken: true,
      campaign: { select: { slug: true, title: true } },
    },
  });
}

/** A gift by its checkout session id, as the demo checkout needs it to build Stripe's events. */
export async function getDonationBySession(sessionId: string) {
  return db.donation.findUnique({
    where: { stripeCheckoutSessionId: sessionId },
    select: {
      id: true,
      campaignId: true,
      amount: true,
      currency: true,
      status: true,
      frequency: true,
      donorEmail: true,
      receiptToken: true,
      campaign: { select: { slug: true, title: true } },
    },
  });
}

/** Everything a printable receipt shows; only for gifts that were actually paid. */
export async function getReceipt(token: string) {
  return db.donation.findFirst({
    where: { receiptToken: token, status: { in: ["succeeded", "refunded", "disputed"] } },
    select: {
      id: true,
      amount: true,
      currency: true,
      refundedAmount: true,
      status: true,
      frequency: true,
      method: true,
      receivedAt: true,
      donorName: true,
      donorEmail: true,
      displayName: true,
      anonymous: true,
      campaign: { select: { title: true } },
    },
  });
}
