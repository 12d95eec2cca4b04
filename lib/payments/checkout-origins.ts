// Where the donate form may end up after posting: Stripe Checkout, or the local Stripe-compatible
// server in tests. The CSP's form-action needs it, because without JavaScript the server answers
// the form with a redirect there. Kept free of the Stripe SDK so proxy.ts stays light.
import { env } from "@/lib/env";

export function checkoutFormTargets(): string[] {
  if (!env.STRIPE_SECRET_KEY) return [];
  return env.STRIPE_API_BASE ? [new URL(env.STRIPE_API_BASE).origin] : ["https://checkout.stripe.com"];
}
