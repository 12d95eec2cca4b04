import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getThankYou } from "@/lib/donations/public-donation";
import { formatMoney } from "@/lib/money";
import { RefreshUntilConfirmed } from "./refresh-until-confirmed";

export const metadata: Metadata = { title: "Thank you", robots: { index: false, follow: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ session_id?: string | string[] }> };

// Only reads: the webhook alone records gifts. This page waits until it has.
export default async function ThankYouPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const sessionId = (await searchParams).session_id;
  const donation = typeof sessionId === "string" && sessionId ? await getThankYou(sessionId) : null;

  if (!donation || donation.campaign.slug !== slug) {
    return (
      <Message title="We could not find this gift">
        If you just paid, your bank statement and the e-mail from our payment provider are your proof of payment.{" "}
        <Link href={`/campaigns/${encodeURIComponent(slug)}/donate`} className="underline">
          Back to the campaign
        </Link>
      </Message>
    );
  }
  if (donation.status === "pending") {
    return (
      <Message title="Confirming your gift…">
        <span role="status">We are waiting for the payment confirmation. This usually takes a few seconds.</span>
        <RefreshUntilConfirmed />
      </Message>
    );
  }
  if (donation.status === "failed") {
    return (
      <Message title="The payment did not go through">
        No money was taken.{" "}
        <Link href={`/campaigns/${encodeURIComponent(slug)}/donate`} className="underline">
          Try again
        </Link>
      </Message>
    );
  }
  return (
    <Message title="Thank you for your gift">
      Your {donation.frequency === "monthly" ? "monthly gift" : "gift"} of{" "}
      <strong data-testid="confirmed-amount">{formatMoney(donation.amount, donation.currency)}</strong> to{" "}
      {donation.campaign.title} has been received.{" "}
      <Link href={`/receipts/${donation.receiptToken}`} className="font-semibold underline">
        View and print your receipt
      </Link>
    </Message>
  );
}

function Message({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mx-auto max-w-prose py-8">
      <h1 className="font-serif text-3xl font-semibold">{title}</h1>
      <p className="mt-3">{children}</p>
    </section>
  );
}
