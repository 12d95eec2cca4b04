// Which Stripe API versions the webhook reads. A webhook payload is rendered in the API version of
// the endpoint in Stripe's dashboard, not the SDK's. Before 2025-03-31 an invoice names its
// subscription at the top and has no `parent`, so renewals would be read as "not a subscription"
// and silently dropped; such events are refused (non-2xx, so Stripe retries once the endpoint is
// fixed) and reported, rather than read in two shapes of which only one is tested.
import Stripe from "stripe";

/** The version stripe-node pins and every test payload uses; the README tells NGOs to choose it. */
export const PINNED_API_VERSION: string = Stripe.API_VERSION;
/** The first version with the invoice shape the handlers read (`parent.subscription_details`). */
export const OLDEST_SUPPORTED_API_VERSION = "2025-03-31";

const dateOf = (version: string): string | null => /^(\d{4}-\d{2}-\d{2})(\.[a-z]+)?$/.exec(version)?.[1] ?? null;

/**
 * From 2025-03-31 up to the pinned version: the fields the handlers read (lib/payments/events/
 * shapes.ts) have the same shape across these, and the run-time parse there catches any that do
 * not. A newer version than the SDK knows may change them: refused until the app is upgraded.
 */
export function isSupportedApiVersion(version: string | null | undefined): boolean {
  const date = version ? dateOf(version) : null;
  const newest = dateOf(PINNED_API_VERSION);
  return date !== null && newest !== null && date >= OLDEST_SUPPORTED_API_VERSION && date <= newest;
}
