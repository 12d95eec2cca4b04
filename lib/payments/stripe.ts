// The Stripe client, built once from the environment. Without STRIPE_SECRET_KEY the app runs in
// test mode: donations go through the built-in demo checkout, whose webhooks are signed with a
// secret derived from APP_SECRET and handled by the very same code as Stripe's.
import "server-only";
import Stripe from "stripe";
import { derivedSecret, env } from "@/lib/env";

let client: Stripe | undefined;

/** Host/port/protocol for the SDK when STRIPE_API_BASE points at a local Stripe-compatible server. */
export function apiBaseOptions(base: string | undefined): { host?: string; port?: number; protocol?: "http" | "https" } {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: Number(url.port || (protocol === "http" ? 80 : 443)), protocol };
}

/** True when real (or test-server) Stripe is configured. */
export function stripeConfigured(): boolean {
  return Boolean(env.STRIPE_SECRET_KEY);
}

/**
 * The built-in demo checkout is allowed: no keys, and not production unless DEMO_CHECKOUT=1.
 * Whoever reaches it can mark gifts paid without paying, so Stripe keys always switch it off.
 */
export function demoCheckoutEnabled(): boolean {
  return !stripeConfigured() && (env.NODE_ENV !== "production" || env.DEMO_CHECKOUT);
}

export function stripeClient(): Stripe {
  if (!env.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is not set.");
  client ??= new Stripe(env.STRIPE_SECRET_KEY, {
    ...apiBaseOptions(env.STRIPE_API_BASE),
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Safe Passage" },
  });
  return client;
}

/** Verifies signatures and signs test-mode events; needs no API key. */
export function stripeWebhooks(): Stripe["webhooks"] {
  return (client ?? new Stripe("sk_test_signing_only")).webhooks;
}

/**
 * The secret webhooks must be signed with: Stripe's endpoint secret, or the demo checkout's key
 * (derived from APP_SECRET) only while the demo checkout is enabled. Neither: null, and every
 * delivery is refused.
 */
export function webhookSecret(): string | null {
  if (stripeConfigured()) {
    if (!env.STRIPE_WEBHOOK_SECRET) throw new Error("STRIPE_WEBHOOK_SECRET is not set.");
    return env.STRIPE_WEBHOOK_SECRET;
  }
  return demoCheckoutEnabled() ? derivedSecret("test-webhook") : null;
}
