// POST /api/stripe/webhook – verifies Stripe's signature and records the event exactly once.
import { BodyTooLarge, MAX_REQUEST_BODY_BYTES, readBodyText } from "@/lib/http/read-body";
import { handleStripeWebhook } from "@/lib/payments/webhook";

export async function POST(req: Request): Promise<Response> {
  let rawBody: string;
  try {
    // The signature covers the exact bytes: read the raw text, never parsed JSON. Stripe's event
    // payloads are a few kilobytes (ours have one line item); a megabyte is not from Stripe.
    rawBody = await readBodyText(req, MAX_REQUEST_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return Response.json({ received: false, note: "body too large" }, { status: 413 });
    throw error;
  }
  const result = await handleStripeWebhook(rawBody, req.headers.get("stripe-signature"));
  return Response.json(result.body, { status: result.status });
}
