// Starts a donation: a pending Donation row, then a Stripe Checkout Session (or the built-in
// demo checkout) that carries its id. Totals only move when the webhook confirms the payment.
import "server-only";
import { attachCheckoutSession, createPendingDonation, markCheckoutFailed } from "@/lib/donations/pending-donation";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { DonationForm } from "@/lib/validations/donation";
import { stripeClient, stripeConfigured, demoCheckoutEnabled } from "./stripe";
import { stripeId } from "./demo-events";

export type CheckoutCampaign = { id: string; slug: string; title: string; currency: string };

/** Returns the URL to send the donor to: Stripe's hosted page or /demo-checkout/<session>. */
export async function startCheckout(campaign: CheckoutCampaign, gift: DonationForm): Promise<string> {
  if (!stripeConfigured() && !demoCheckoutEnabled()) {
    throw new AppError("PAYMENT_PROVIDER", "Online giving is not set up on this site yet. Please contact us to give.");
  }
  const donation = await createPendingDonation({
    campaignId: campaign.id,
    amount: gift.charged,
    currency: campaign.currency,
    frequency: gift.frequency,
    anonymous: gift.anonymous,
    displayName: gift.displayName,
    message: gift.message,
    donorEmail: gift.donorEmail,
  });

  if (!stripeConfigured()) {
    const sessionId = stripeId("cs");
    await attachCheckoutSession(donation.id, sessionId);
    return `/demo-checkout/${sessionId}`;
  }

  const monthly = gift.frequency === "monthly";
  const metadata = {
    donationId: donation.id,
    campaignId: campaign.id,
    campaignSlug: campaign.slug,
    giftAmount: String(gift.gift),
    coverFees: gift.coverFees ? "yes" : "no",
  };
  const campaignUrl = `${env.appUrl}/campaigns/${encodeURIComponent(campaign.slug)}`;
  try {
    const session = await stripeClient().checkout.sessions.create(
      {
        mode: monthly ? "subscription" : "payment",
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: campaign.currency.toLowerCase(),
              // Minor units; for zero-decimal currencies such as JPY that is whole yen.
              // A number for Stripe's API: gifts stay far below 2^53 (amountLimits caps them).
              unit_amount: Number(gift.charged),
              product_data: { name: `${monthly ? "Monthly gift" : "Gift"}: ${campaign.title}`.slice(0, 250) },
              ...(monthly ? { recurring: { interval: "month" as const } } : {}),
            },
          },
        ],
        client_reference_id: donation.id,
        metadata,
        ...(gift.donorEmail ? { customer_email: gift.donorEmail } : {}),
        ...(monthly
          ? { subscription_data: { metadata } }
          : {
              submit_type: "donate" as const,
              payment_intent_data: { metadata, ...(gift.donorEmail ? { receipt_email: gift.donorEmail } : {}) },
            }),
        success_url: `${campaignUrl}/thank-you?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${campaignUrl}/donate`,
      },
      // A retried request (network blip) returns the same session instead of a second one.
      { idempotencyKey: `checkout-${donation.id}` },
    );
    if (!session.url) throw new Error(`Checkout session ${session.id} has no URL`);
    await attachCheckoutSession(donation.id, session.id);
    return session.url;
  } catch (error) {
    await markCheckoutFailed(donation.id).catch(() => undefined);
    console.error("checkout: session creation failed:", error);
    throw new AppError("PAYMENT_PROVIDER", "We could not reach our payment provider. Please try again in a moment.", {
      cause: error,
    });
  }
}
