import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDonationBySession } from "@/lib/donations/public-donation";
import { formatMoney } from "@/lib/money";
import { demoCheckoutEnabled } from "@/lib/payments/stripe";
import { payDemo } from "./actions";
import { PayForm } from "./pay-form";

export const metadata: Metadata = { title: "Test checkout", robots: { index: false, follow: false } };

// Stands in for Stripe's hosted page when the site has no Stripe keys (demo, development).
export default async function TestCheckoutPage({ params }: { params: Promise<{ sessionId: string }> }) {
  await connection();
  if (!demoCheckoutEnabled()) notFound();
  const { sessionId } = await params;
  const donation = await getDonationBySession(sessionId);
  if (!donation) notFound();
  const amount = formatMoney(donation.amount, donation.currency);
  const slug = encodeURIComponent(donation.campaign.slug);

  return (
    <section className="mx-auto max-w-prose">
      <p className="rounded border-2 border-warn bg-white p-3 font-semibold text-warn" role="note">
        Test mode — no real money. This page stands in for the card payment page.
      </p>
      <h1 className="mt-6 font-serif text-3xl font-semibold">Test checkout</h1>
      <p className="mt-3">
        {donation.frequency === "monthly" ? "Monthly gift" : "Gift"} of <strong>{amount}</strong> to {donation.campaign.title}
        {donation.frequency === "monthly" ? ", charged every month" : ""}.
      </p>
      {donation.status === "pending" ? (
        <PayForm action={payDemo.bind(null, sessionId)} label={`Pay ${amount} (test)`} />
      ) : (
        <p className="mt-6">This checkout is already complete.</p>
      )}
      <p className="mt-4">
        <Link href={`/campaigns/${slug}/donate`} className="underline">
          Cancel and go back
        </Link>
      </p>
    </section>
  );
}
