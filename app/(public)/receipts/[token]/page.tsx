import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getReceipt } from "@/lib/donations/public-donation";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { PrintButton } from "./print-button";

// The URL is the secret (an unguessable token): keep it out of search engines and referrers.
export const metadata: Metadata = {
  title: "Donation receipt",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const PRINT_CSS = `@media print {
  body > a, header, nav, .no-print { display: none !important; }
  main { padding: 0 !important; max-width: none !important; }
  body { background: white; }
}`;

export default async function ReceiptPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const receipt = await getReceipt((await params).token);
  if (!receipt) notFound();
  const ngo = env.ngo;
  const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(receipt.receivedAt);
  const net = receipt.amount - receipt.refundedAmount;

  return (
    <article className="mx-auto max-w-2xl rounded-lg border border-line bg-white p-8">
      <style>{PRINT_CSS}</style>
      <div className="border-b border-line pb-4">
        <p className="font-serif text-xl font-semibold">{ngo.name}</p>
        {ngo.address && <p className="text-sm text-muted">{ngo.address}</p>}
        {ngo.email && <p className="text-sm text-muted">{ngo.email}</p>}
        {ngo.registration && <p className="text-sm text-muted">{ngo.registration}</p>}
      </div>
      <h1 className="mt-6 font-serif text-2xl font-semibold">Donation receipt</h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="text-muted">Receipt number</dt>
        <dd>{receipt.id}</dd>
        <dt className="text-muted">Date received</dt>
        <dd>{date}</dd>
        <dt className="text-muted">Donor</dt>
        <dd>{receipt.donorName ?? (receipt.anonymous ? "Anonymous" : (receipt.displayName ?? "—"))}</dd>
        {receipt.donorEmail && (
          <>
            <dt className="text-muted">E-mail</dt>
            <dd>{receipt.donorEmail}</dd>
          </>
        )}
        <dt className="text-muted">For</dt>
        <dd>{receipt.campaign.title}</dd>
        <dt className="text-muted">Type</dt>
        <dd>{receipt.frequency === "monthly" ? "Monthly gift (this payment)" : "One-time gift"} · {receipt.method.replace("_", " ")}</dd>
        <dt className="text-muted">Amount</dt>
        <dd className="font-semibold" data-testid="receipt-amount">
          {formatMoney(receipt.amount, receipt.currency)}
        </dd>
        {receipt.refundedAmount > 0 && (
          <>
            <dt className="text-muted">Refunded</dt>
            <dd>
              {formatMoney(receipt.refundedAmount, receipt.currency)} (net gift {formatMoney(net, receipt.currency)})
            </dd>
          </>
        )}
      </dl>
      <p className="mt-6 text-sm text-muted">
        Thank you. No goods or services were provided in exchange for this gift.
      </p>
      <div className="mt-6">
        <PrintButton />
      </div>
    </article>
  );
}
