// The built-in demo checkout (no Stripe keys): "paying" builds the events Stripe would send,
// signs them with the demo's webhook key and hands them to the same webhook handler.
import "server-only";
import Stripe from "stripe";
import { getDonationBySession } from "@/lib/donations/public-donation";
import { AppError } from "@/lib/errors";
import { demoCharge, demoCheckoutSession, demoEvent, demoInvoice, stripeId } from "./demo-events";
import { demoCheckoutEnabled, webhookSecret } from "./stripe";
import { handleStripeWebhook, type StripeLookups } from "./webhook";

const noLookups: StripeLookups = { invoicePaymentIntent: async () => null };

/** Delivers one signed event through the webhook handler; anything but 200 is an error. */
async function deliverDemoEvent(event: Record<string, unknown>, lookups: StripeLookups = noLookups): Promise<void> {
  const secret = webhookSecret();
  if (!demoCheckoutEnabled() || !secret) throw new AppError("NOT_FOUND", "The demo checkout is switched off on this site.");
  const payload = JSON.stringify(event);
  const signature = new Stripe("sk_test_signing_only").webhooks.generateTestHeaderString({ payload, secret });
  const result = await handleStripeWebhook(payload, signature, lookups);
  if (result.status !== 200) {
    throw new AppError("PAYMENT_PROVIDER", "The test payment could not be recorded. Please try again.");
  }
}

/** Completes a pending demo checkout. Returns the campaign slug for the thank-you redirect. */
export async function payDemoCheckout(sessionId: string): Promise<string> {
  if (!demoCheckoutEnabled()) throw new AppError("NOT_FOUND", "The demo checkout is switched off on this site.");
  const donation = await getDonationBySession(sessionId);
  if (!donation) throw new AppError("NOT_FOUND", "This checkout does not exist.");
  if (donation.status !== "pending") return donation.campaign.slug;

  const metadata = { donationId: donation.id, campaignId: donation.campaignId };
  const paymentIntentId = stripeId("pi");
  const monthly = donation.frequency === "monthly";
  const subscriptionId = monthly ? stripeId("sub") : null;
  const invoiceId = monthly ? stripeId("in") : null;
  const amount = Number(donation.amount);
  const session = demoCheckoutSession({
    id: sessionId,
    mode: monthly ? "subscription" : "payment",
    amount,
    currency: donation.currency,
    metadata,
    paymentIntentId,
    subscriptionId,
    invoiceId,
    email: donation.donorEmail,
  });
  await deliverDemoEvent(demoEvent("checkout.session.completed", session));
  if (subscriptionId && invoiceId) {
    const invoice = demoInvoice({ id: invoiceId, subscriptionId, amount, currency: donation.currency, metadata });
    // Like Stripe's API would: the invoice's payment is the payment intent made here.
    const lookups: StripeLookups = { invoicePaymentIntent: async (id) => (id === invoiceId ? paymentIntentId : null) };
    await deliverDemoEvent(demoEvent("invoice.paid", invoice), lookups);
  }
  return donation.campaign.slug;
}

/** A refund in the demo: the charge.refunded event Stripe would send. Returns the refund's id. */
export async function refundDemoCharge(donation: {
  amount: bigint;
  currency: string;
  refundedAmount: bigint;
  stripePaymentIntentId: string;
  stripeChargeId: string | null;
}, amount: bigint): Promise<string> {
  const charge = demoCharge({
    id: donation.stripeChargeId ?? stripeId("ch"),
    paymentIntentId: donation.stripePaymentIntentId,
    amount: Number(donation.amount),
    amountRefunded: Number(donation.refundedAmount + amount),
    currency: donation.currency,
  });
  await deliverDemoEvent(demoEvent("charge.refunded", charge));
  return stripeId("re");
}
