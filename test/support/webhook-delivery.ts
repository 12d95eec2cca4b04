// Tests deliver signed Stripe events straight to the webhook route handler, as Stripe would.
import { signEvent } from "./stripe/objects";

type RouteHandler = (request: Request) => Promise<Response>;

/** Signs `event` with `secret`, POSTs it to the handler and returns the HTTP status. */
export async function postSignedEvent(post: RouteHandler, event: Record<string, unknown>, secret: string): Promise<number> {
  const { payload, signature } = signEvent(event, secret);
  const response = await post(
    new Request("http://localhost/api/stripe/webhook", {
      method: "POST",
      body: payload,
      headers: { "stripe-signature": signature, "content-type": "application/json" },
    }),
  );
  return response.status;
}
