import Link from "next/link";
import { mayUse } from "@/lib/auth/roles";
import {
  getClosestDeadlines,
  getDailyDonationCounts,
  getRaisedTotals,
  getRecentDonations,
} from "@/lib/donations/staff-overview";
import { formatMoney } from "@/lib/money";
import { requireUser } from "@/lib/auth/session";
import { BarChart } from "./_components/bar-chart";
import { siteDay } from "./_components/site-time";
import { StripeWebhookAlert } from "./_components/stripe-webhook-alert";

export default async function OverviewPage() {
  const user = await requireUser();
  if (!mayUse(user.role, "donations")) {
    return (
      <>
        <h1 className="font-serif text-2xl font-semibold">Welcome, {user.name}</h1>
        <p className="mt-2">
          <Link href="/dashboard/articles" className="text-accent underline">
            Write or edit articles
          </Link>
        </p>
      </>
    );
  }
  const [totals, daily, deadlines, recent] = await Promise.all([
    getRaisedTotals(user),
    getDailyDonationCounts(user, 90),
    getClosestDeadlines(user),
    getRecentDonations(user),
  ]);
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">Overview</h1>
      <StripeWebhookAlert user={user} />
      <section aria-labelledby="raised" className="mt-6">
        <h2 id="raised" className="text-lg font-semibold">
          Raised (net of refunds)
        </h2>
        <table className="mt-2 w-full max-w-2xl text-left text-sm">
          <thead>
            <tr>
              <th className="py-1">Currency</th>
              <th>This month</th>
              <th>All time</th>
              <th>of which offline</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((t) => (
              <tr key={t.currency} className="border-t border-line">
                <td className="py-1">{t.currency}</td>
                <td>{formatMoney(t.thisMonth, t.currency)}</td>
                <td>{formatMoney(t.allTime, t.currency)}</td>
                <td>{formatMoney(t.offline, t.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {totals.length === 0 && <p className="text-muted">No gifts yet.</p>}
      </section>
      <section aria-labelledby="chart" className="mt-8">
        <h2 id="chart" className="text-lg font-semibold">
          Gifts per day, last 90 days
        </h2>
        <BarChart data={daily} label="Gifts per day" />
      </section>
      <div className="mt-8 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="deadlines">
          <h2 id="deadlines" className="text-lg font-semibold">
            Closest to deadline
          </h2>
          <ul className="mt-2 grid gap-2">
            {deadlines.map((c) => (
              <li key={c.id}>
                <Link href={`/dashboard/campaigns/${c.id}`} className="text-accent underline">
                  {c.title}
                </Link>{" "}
                – {c.deadline && siteDay(c.deadline)} · {formatMoney(c.raisedAmount, c.currency)} of{" "}
                {formatMoney(c.goalAmount, c.currency)}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="recent">
          <h2 id="recent" className="text-lg font-semibold">
            Recent gifts
          </h2>
          <ul className="mt-2 grid gap-2">
            {recent.map((d) => (
              <li key={d.id}>
                {formatMoney(d.amount, d.currency)} to {d.campaign.title} · {d.method.replace("_", " ")} ·{" "}
                {siteDay(d.receivedAt)}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
