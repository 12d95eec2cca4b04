// POST /api/stripe/webhook – verifies Stripe's signature and records the event exactly once.
import { handleStripeWebhook } from "@/lib/payments/webhook";

export async function POST(req: Request): Promise<Response> {
  // The signature covers the exact bytes: read the raw text, never parsed JSON.
  const rawBody = await req.text();
  const result = await handleStripeWebhook(rawBody, req.headers.get("stripe-signature"));
  return Response.json(result.body, { status: result.status });
}
