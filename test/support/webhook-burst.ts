// A burst of Stripe webhook deliveries and the totals it must produce, computed from the generated
// events alone (never by the app's code). Shared by the burst and outage tests.
import { randomBytes } from "node:crypto";
import * as events from "./stripe/objects";

type Json = Record<string, unknown>;

/** A pending donation the test creates before the burst, as the donate action would. */
export type PlannedDonation = {
  id: string;
  campaignId: string;
  amount: number;
  frequency: "once" | "monthly";
  donorEmail: string;
};

/** One payment that counts towards a campaign, with the refund Stripe will finally report. */
type Payment = { campaignId: string; donorEmail: string; amount: number; refunded: number };

export type Burst = {
  /** Distinct events (each with its own id). */
  events: Json[];
  /** What is sent: every event once, some twice, shuffled. */
  deliveries: Json[];
  /** Donation rows expected after the burst (pending ones plus one per renewal). */
  donationCount: number;
  /**
   * Each invoice's payment, as Stripe's API lists it (GET /v1/invoice_payments): webhooks name no
   * payment intent on an invoice, and a refund of a monthly payment is found by its payment intent.
   */
  invoicePayments: Map<string, { paymentIntentId: string; amount: number; currency: string }>;
  expected: Map<string, { raisedAmount: bigint; donorCount: number }>;
};

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Stripe's charge.refunded carries the running total refunded on that charge. */
function refunds(payment: Payment, paymentIntentId: string, out: Json[]): void {
  const roll = Math.random();
  if (roll < 0.6) return;
  const chargeId = events.stripeId("ch");
  const refund = (amountRefunded: number) =>
    events.eventOf(
      "charge.refunded",
      events.chargeObject({
        id: chargeId,
        paymentIntentId,
        amount: payment.amount,
        amountRefunded,
        currency: "jpy",
      }),
    );
  const partial = Math.max(1, Math.floor(payment.amount * pick([0.1, 0.25, 0.5])));
  if (roll < 0.75) {
    out.push(refund(partial));
    payment.refunded = partial;
  } else if (roll < 0.9) {
    out.push(refund(payment.amount));
    payment.refunded = payment.amount;
  } else {
    // Partial, then the rest: whichever arrives last, the running total is the full amount.
    out.push(refund(partial), refund(payment.amount));
    payment.refunded = payment.amount;
  }
}

/**
 * Events for the planned donations: a checkout completion for each; for monthly gifts the first
 * invoice plus 0–3 renewals; refunds (partial, full or both) on about 40 % of payments.
 */
export function planBurst(planned: PlannedDonation[], duplicateShare = 0.2): Burst {
  const all: Json[] = [];
  const payments: Payment[] = [];
  const invoicePayments: Burst["invoicePayments"] = new Map();
  let donationCount = planned.length;
  for (const d of planned) {
    const metadata = { donationId: d.id, campaignId: d.campaignId };
    const first: Payment = {
      campaignId: d.campaignId,
      donorEmail: d.donorEmail,
      amount: d.amount,
      refunded: 0,
    };
    payments.push(first);
    if (d.frequency === "once") {
      const paymentIntentId = events.stripeId("pi");
      const session = events.checkoutSessionObject({
        id: events.stripeId("cs"),
        mode: "payment",
        amount: d.amount,
        currency: "jpy",
        metadata,
        paymentIntentId,
      });
      all.push(events.eventOf("checkout.session.completed", session));
      refunds(first, paymentIntentId, all);
      continue;
    }
    const subscriptionId = events.stripeId("sub");
    const invoice = (billingReason: "subscription_create" | "subscription_cycle", paymentIntentId: string) => {
      const id = events.stripeId("in");
      invoicePayments.set(id, { paymentIntentId, amount: d.amount, currency: "jpy" });
      const object = events.invoiceObject({
        id,
        subscriptionId,
        amount: d.amount,
        currency: "jpy",
        billingReason,
        metadata,
      });
      return { id, event: events.eventOf("invoice.paid", object) };
    };
    const firstPi = events.stripeId("pi");
    const firstInvoice = invoice("subscription_create", firstPi);
    const session = events.checkoutSessionObject({
      id: events.stripeId("cs"),
      mode: "subscription",
      amount: d.amount,
      currency: "jpy",
      metadata,
      subscriptionId,
      invoiceId: firstInvoice.id,
    });
    all.push(events.eventOf("checkout.session.completed", session), firstInvoice.event);
    refunds(first, firstPi, all);
    for (let n = Math.floor(Math.random() * 4); n > 0; n--) {
      const pi = events.stripeId("pi");
      all.push(invoice("subscription_cycle", pi).event);
      const renewal: Payment = { ...first, refunded: 0 };
      payments.push(renewal);
      refunds(renewal, pi, all);
      donationCount += 1;
    }
  }
  const duplicates = all.filter(() => Math.random() < duplicateShare);
  return {
    events: all,
    deliveries: shuffle([...all, ...duplicates]),
    donationCount,
    invoicePayments,
    expected: expectedTotals(payments),
  };
}

/** Raised = Σ (amount − refunded); a donor (e-mail, case-insensitive) counts if any gift still counts. */
function expectedTotals(payments: Payment[]): Burst["expected"] {
  const raised = new Map<string, number>();
  const donors = new Map<string, Set<string>>();
  for (const p of payments) {
    raised.set(p.campaignId, (raised.get(p.campaignId) ?? 0) + p.amount - p.refunded);
    const set = donors.get(p.campaignId) ?? new Set<string>();
    if (p.amount > p.refunded) set.add(p.donorEmail.toLowerCase());
    donors.set(p.campaignId, set);
  }
  return new Map(
    [...raised].map(([campaignId, raisedAmount]) => [
      campaignId,
      { raisedAmount: BigInt(raisedAmount), donorCount: donors.get(campaignId)?.size ?? 0 },
    ]),
  );
}

/** Amounts ¥100–¥50,000 and a small pool of donors (some give twice, e-mails in mixed case). */
export function randomGift(campaignIds: string[], donors: string[]): Omit<PlannedDonation, "id"> {
  const email = pick(donors);
  return {
    campaignId: pick(campaignIds),
    amount: 100 * (1 + Math.floor(Math.random() * 500)),
    frequency: Math.random() < 0.25 ? "monthly" : "once",
    donorEmail: Math.random() < 0.3 ? email.toUpperCase() : email,
  };
}

export const donorPool = (n: number) =>
  Array.from({ length: n }, () => `burst-${randomBytes(4).toString("hex")}@example.org`);

export type DeliveryStats = { rounds: number; refused: number; statuses: Record<number, number> };

/**
 * Delivers with at most `concurrency` requests in flight. Like Stripe, whatever was not answered
 * 2xx is delivered again in a later round, up to `maxRounds`. Returns what is still undelivered.
 */
export async function deliverUntilAccepted(
  deliveries: Json[],
  deliver: (event: Json) => Promise<number>,
  options: { concurrency: number; maxRounds: number; betweenRounds?: (round: number) => Promise<void> },
): Promise<{ left: Json[]; stats: DeliveryStats }> {
  const stats: DeliveryStats = { rounds: 0, refused: 0, statuses: {} };
  let queue = deliveries;
  while (queue.length > 0 && stats.rounds < options.maxRounds) {
    stats.rounds += 1;
    const statuses = new Array<number>(queue.length);
    let next = 0;
    const current = queue;
    const worker = async () => {
      while (next < current.length) {
        const i = next++;
        statuses[i] = await deliver(current[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, current.length) }, worker));
    for (const s of statuses) stats.statuses[s] = (stats.statuses[s] ?? 0) + 1;
    queue = current.filter((_, i) => statuses[i]! < 200 || statuses[i]! >= 300);
    stats.refused += queue.length;
    if (queue.length > 0) await options.betweenRounds?.(stats.rounds);
  }
  return { left: queue, stats };
}
