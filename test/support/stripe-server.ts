// A small Stripe-compatible HTTP server for tests: the official SDK talks to it through
// STRIPE_API_BASE. It serves a hosted "checkout" page; paying there sends signed webhooks built
// from Stripe's own example objects (./stripe/objects.ts) to the app, then redirects to the
// session's success_url, as Stripe does.
//   Run directly (Playwright webServer): STRIPE_FAKE_PORT, STRIPE_WEBHOOK_SECRET, APP_WEBHOOK_URL.
//   In Vitest: startFakeStripe({ deliver }) hands deliveries to a function instead of a URL.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import {
  chargeObject,
  checkoutSessionObject,
  eventOf,
  invoiceObject,
  invoicePaymentObject,
  type Json,
  refundObject,
  signEvent,
  stripeId,
  subscriptionObject,
} from "./stripe/objects";

type Deliver = (payload: string, signature: string) => Promise<number>;

type Session = {
  id: string;
  mode: "payment" | "subscription";
  amount: number;
  currency: string;
  metadata: Record<string, string>;
  email: string | null;
  successUrl: string;
  cancelUrl: string;
  paid: boolean;
  paymentIntentId?: string;
  subscriptionId?: string;
  invoiceId?: string;
};
type Charge = { id: string; paymentIntentId: string; amount: number; currency: string; refunded: number };
type Subscription = { id: string; amount: number; currency: string; metadata: Record<string, string> };
export type RecordedRequest = { method: string; path: string; params: Json; idempotencyKey: string | null };

/** Parses Stripe's form encoding (`line_items[0][price_data][currency]=jpy`) into nested objects. */
export function parseStripeForm(body: string): Json {
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.split(/\[|\]\[|\]/).filter((p) => p !== "");
    let node: Json = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Json;
    });
  }
  return root;
}

const get = (obj: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), obj);

export class FakeStripe {
  readonly sessions = new Map<string, Session>();
  readonly charges = new Map<string, Charge>(); // by payment intent
  readonly subscriptions = new Map<string, Subscription>();
  /** What GET /v1/invoice_payments answers: the payment of each paid invoice. */
  readonly invoicePayments = new Map<string, { paymentIntentId: string; amount: number; currency: string }>();
  readonly requests: RecordedRequest[] = [];
  private readonly replies = new Map<string, Json>(); // idempotency key → first reply
  private server?: Server;
  base = "";

  constructor(private readonly options: { secret: string; deliver: Deliver }) {}

  async listen(port = 0): Promise<number> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => send(res, 500, { error: { message: String(error) } }));
    });
    await new Promise<void>((resolve) => this.server?.listen(port, "127.0.0.1", resolve));
    const address = this.server.address();
    const actual = typeof address === "object" && address ? address.port : port;
    this.base = `http://127.0.0.1:${actual}`;
    return actual;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Signs and delivers one event; retries a refused delivery a few times, like Stripe. */
  async send(type: string, object: Json): Promise<void> {
    const event = eventOf(type, object);
    for (let attempt = 0; attempt < 20; attempt++) {
      const { payload, signature } = signEvent(event, this.options.secret);
      const status = await this.options.deliver(payload, signature).catch(() => 0);
      if (status === 200) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`webhook ${type} was never accepted`);
  }

  async pay(sessionId: string): Promise<Session> {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    if (session.paid) return session;
    session.paid = true;
    session.paymentIntentId = stripeId("pi");
    this.charges.set(session.paymentIntentId, {
      id: stripeId("ch"),
      paymentIntentId: session.paymentIntentId,
      amount: session.amount,
      currency: session.currency,
      refunded: 0,
    });
    if (session.mode === "subscription") {
      session.subscriptionId = stripeId("sub");
      session.invoiceId = stripeId("in");
      this.subscriptions.set(session.subscriptionId, {
        id: session.subscriptionId,
        amount: session.amount,
        currency: session.currency,
        metadata: session.metadata,
      });
      this.invoicePayments.set(session.invoiceId, { paymentIntentId: session.paymentIntentId, amount: session.amount, currency: session.currency });
      // Stripe does not order deliveries: send the first invoice before the completion.
      await this.send("invoice.paid", this.invoice(session.subscriptionId, session.invoiceId, "subscription_create"));
    }
    await this.send("checkout.session.completed", this.sessionObject(session));
    return session;
  }

  /** A monthly renewal: a new invoice and payment on the subscription. */
  async renew(subscriptionId: string): Promise<string> {
    const invoiceId = stripeId("in");
    const paymentIntentId = stripeId("pi");
    const sub = this.subscriptions.get(subscriptionId);
    if (!sub) throw new Error(`no subscription ${subscriptionId}`);
    this.charges.set(paymentIntentId, { id: stripeId("ch"), paymentIntentId, amount: sub.amount, currency: sub.currency, refunded: 0 });
    this.invoicePayments.set(invoiceId, { paymentIntentId, amount: sub.amount, currency: sub.currency });
    await this.send("invoice.paid", this.invoice(subscriptionId, invoiceId, "subscription_cycle"));
    return invoiceId;
  }

  async cancelSubscription(subscriptionId: string): Promise<void> {
    const sub = this.subscriptions.get(subscriptionId);
    if (!sub) throw new Error(`no subscription ${subscriptionId}`);
    await this.send("customer.subscription.deleted", subscriptionObject({ id: sub.id, metadata: sub.metadata, currency: sub.currency }));
  }

  async refund(paymentIntentId: string, amount?: number): Promise<Json> {
    const charge = this.charges.get(paymentIntentId);
    if (!charge) throw new Error(`no charge for ${paymentIntentId}`);
    const value = amount ?? charge.amount - charge.refunded;
    if (value <= 0 || charge.refunded + value > charge.amount) throw new Error("refund exceeds charge");
    charge.refunded += value;
    await this.send(
      "charge.refunded",
      chargeObject({ id: charge.id, paymentIntentId, amount: charge.amount, amountRefunded: charge.refunded, currency: charge.currency }),
    );
    return refundObject({ chargeId: charge.id, paymentIntentId, amount: value, currency: charge.currency });
  }

  private invoice(subscriptionId: string, invoiceId: string, reason: "subscription_create" | "subscription_cycle"): Json {
    const sub = this.subscriptions.get(subscriptionId);
    if (!sub) throw new Error(`no subscription ${subscriptionId}`);
    return invoiceObject({ id: invoiceId, subscriptionId, amount: sub.amount, currency: sub.currency, billingReason: reason, metadata: sub.metadata });
  }

  private sessionObject(session: Session): Json {
    return checkoutSessionObject({
      id: session.id,
      mode: session.mode,
      amount: session.amount,
      currency: session.currency,
      metadata: session.metadata,
      paymentIntentId: session.paymentIntentId ?? null,
      subscriptionId: session.subscriptionId ?? null,
      invoiceId: session.invoiceId ?? null,
      email: session.email,
      paymentStatus: session.paid ? "paid" : "unpaid",
      successUrl: session.successUrl,
      cancelUrl: session.cancelUrl,
      url: `${this.base}/pay/${session.id}`,
    });
  }

  private createSession(params: Json): Json {
    const mode = params.mode === "subscription" ? "subscription" : "payment";
    const amount = Number(get(params, "line_items", "0", "price_data", "unit_amount"));
    const currency = String(get(params, "line_items", "0", "price_data", "currency") ?? "");
    const recurring = get(params, "line_items", "0", "price_data", "recurring", "interval");
    if (!Number.isInteger(amount) || amount <= 0 || !currency || typeof params.success_url !== "string") {
      throw new StripeError("Missing line_items[0][price_data] or success_url");
    }
    if ((mode === "subscription") !== (recurring === "month")) throw new StripeError("recurring price_data must match the mode");
    const session: Session = {
      id: stripeId("cs"),
      mode,
      amount,
      currency,
      metadata: (params.metadata ?? {}) as Record<string, string>,
      email: typeof params.customer_email === "string" ? params.customer_email : null,
      successUrl: params.success_url,
      cancelUrl: String(params.cancel_url ?? ""),
      paid: false,
    };
    this.sessions.set(session.id, session);
    return this.sessionObject(session);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.base);
    const body = await readBody(req);
    const params = req.method === "GET" || !body ? Object.fromEntries(url.searchParams) : parseStripeForm(body);
    const path = url.pathname;

    if (path.startsWith("/v1/")) {
      if (!/^Bearer sk_/.test(req.headers.authorization ?? "")) return send(res, 401, { error: { message: "No API key" } });
      const idempotencyKey = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
      this.requests.push({ method: req.method ?? "", path, params, idempotencyKey });
      const replayKey = idempotencyKey && `${path}:${idempotencyKey}`;
      if (replayKey && this.replies.has(replayKey)) return send(res, 200, this.replies.get(replayKey) ?? {});
      try {
        let reply: Json;
        if (req.method === "POST" && path === "/v1/checkout/sessions") reply = this.createSession(params);
        else if (req.method === "POST" && path === "/v1/refunds") {
          reply = await this.refund(String(params.payment_intent), params.amount ? Number(params.amount) : undefined);
        } else if (req.method === "GET" && path === "/v1/invoice_payments") {
          const invoiceId = String(params.invoice);
          const payment = this.invoicePayments.get(invoiceId);
          const data = payment ? [invoicePaymentObject({ invoiceId, ...payment })] : [];
          reply = { object: "list", data, has_more: false, url: path };
        } else return send(res, 404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method} ${path})` } });
        if (replayKey) this.replies.set(replayKey, reply);
        return send(res, 200, reply);
      } catch (error) {
        return send(res, 400, { error: { type: "invalid_request_error", message: error instanceof Error ? error.message : String(error) } });
      }
    }

    const pay = /^\/pay\/([\w-]+)$/.exec(path);
    if (pay?.[1]) {
      const session = this.sessions.get(pay[1]);
      if (!session) return send(res, 404, { error: "no such session" });
      if (req.method === "POST") {
        await this.pay(session.id);
        res.writeHead(303, { location: session.successUrl.replace("{CHECKOUT_SESSION_ID}", session.id) }).end();
        return;
      }
      const amount = new Intl.NumberFormat("en-US", { style: "currency", currency: session.currency.toUpperCase(), currencyDisplay: "symbol" })
        .format(session.amount / (["jpy", "krw"].includes(session.currency) ? 1 : 100));
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
        `<!doctype html><title>Fake Stripe Checkout</title><h1>Fake Stripe Checkout</h1>
         <p>${amount}${session.mode === "subscription" ? " per month" : ""}</p>
         <form method="post"><button>Pay ${amount}</button></form><a href="${session.cancelUrl}">Cancel</a>`,
      );
      return;
    }
    // Test controls (what Stripe itself would do later: renewals, refunds from its dashboard).
    if (path === "/__health") return send(res, 200, { ok: true });
    if (path === "/__test/requests") return send(res, 200, { requests: this.requests });
    if (req.method === "POST" && path === "/__test/renew") return send(res, 200, { invoice: await this.renew(String(params.subscription)) });
    if (req.method === "POST" && path === "/__test/cancel") {
      await this.cancelSubscription(String(params.subscription));
      return send(res, 200, { ok: true });
    }
    if (path === "/__test/session") {
      const session = this.sessions.get(String(params.id));
      return session ? send(res, 200, { ...session }) : send(res, 404, { error: "no such session" });
    }
    send(res, 404, { error: "not found" });
  }
}

class StripeError extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "request-id": `req_${Date.now()}` }).end(JSON.stringify(body));
}

export async function startFakeStripe(options: { secret: string; deliver: Deliver; port?: number }): Promise<FakeStripe> {
  const fake = new FakeStripe(options);
  await fake.listen(options.port ?? 0);
  return fake;
}

// Run directly: deliver webhooks over HTTP to the app, like Stripe.
if (import.meta.url === `file://${process.argv[1]}`) {
  const webhookUrl = process.env.APP_WEBHOOK_URL;
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!webhookUrl || !secret) throw new Error("APP_WEBHOOK_URL and STRIPE_WEBHOOK_SECRET are required");
  const port = Number(process.env.STRIPE_FAKE_PORT ?? 3302);
  await startFakeStripe({
    secret,
    port,
    deliver: async (payload, signature) =>
      (await fetch(webhookUrl, { method: "POST", body: payload, headers: { "stripe-signature": signature, "content-type": "application/json" } })).status,
  });
  console.log(`Fake Stripe listening on http://127.0.0.1:${port}`);
}

/** Where the Playwright run's fake Stripe listens (see playwright.config.ts). */
export function fakeStripeBase(): string {
  const port = Number(process.env.E2E_STRIPE_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2);
  return `http://127.0.0.1:${port}`;
}
