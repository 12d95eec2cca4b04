// The built-in demo checkout (no Stripe keys): "paying" builds the events Stripe would send,
// signs them with the test webhook secret and hands them to the same webhook handler.
import "server-only";
import { getDonationBySession } from "@/lib/donations/public-donation";
import { AppError } from "@/lib/errors";
import { demoCheckoutEnabled, webhookSecret } from "./stripe";
import { checkoutSessionObject, eventOf, invoiceObject, signEvent, stripeId } from "./stripe-objects";
import { handleStripeWebhook } from "./webhook";

/** Delivers one signed event through the webhook handler; anything but 200 is an error. */
export async function deliverDemoEvent(event: Record<string, unknown>): Promise<void> {
  const { payload, signature } = signEvent(event, webhookSecret());
  const result = await handleStripeWebhook(payload, signature);
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
  const session = checkoutSessionObject({
    id: sessionId,
    mode: monthly ? "subscription" : "payment",
    amount: Number(donation.amount),
    currency: donation.currency,
    metadata,
    paymentIntentId,
    subscriptionId,
    invoiceId,
    email: donation.donorEmail,
  });
  await deliverDemoEvent(eventOf("checkout.session.completed", session));
  if (subscriptionId && invoiceId) {
    const invoice = invoiceObject({
      id: invoiceId,
      subscriptionId,
      amount: Number(donation.amount),
      currency: donation.currency,
      billingReason: "subscription_create",
      paymentIntentId,
      metadata,
    });
    await deliverDemoEvent(eventOf("invoice.paid", invoice));
  }
  return donation.campaign.slug;
}
