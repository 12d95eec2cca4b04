import Link from "next/link";
import { ROLES } from "@/lib/auth/roles";
import { listCampaignChoices } from "@/lib/campaigns/staff-campaigns";
import { decodeCursor } from "@/lib/donations/donation-cursor";
import { listDonations, parseDonationFilters } from "@/lib/donations/staff-donations";
import { formatMoney } from "@/lib/money";
import { requireRole } from "@/lib/auth/session";
import { ActionForm, Hidden, TextField } from "../_components/form";
import { refundDonationAction, setMessageHiddenAction } from "./actions";
import { OfflineDonationForm } from "./offline-form";

type Search = Promise<Record<string, string | string[] | undefined>>;

const DONATION_STATUSES = ["pending", "succeeded", "failed", "refunded", "disputed"] as const;
const METHODS = [
  { value: "card", label: "card" },
  { value: "bank_transfer", label: "bank transfer" },
  { value: "cash", label: "cash" },
];

function FilterSelect(props: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <label className="grid gap-1 text-sm">
      {props.label}
      <select name={props.name} defaultValue={props.value ?? ""} className="rounded border border-line bg-white p-2">
        <option value="">All</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export default async function DonationsPage({ searchParams }: { searchParams: Search }) {
  const user = await requireRole(...ROLES.donations);
  const params = await searchParams;
  const filters = parseDonationFilters(params);
  const after = decodeCursor(typeof params.after === "string" ? params.after : undefined);
  const [{ rows, next }, campaigns] = await Promise.all([
    listDonations(user, filters, after),
    listCampaignChoices(user),
  ]);
  const query = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const nextQuery = new URLSearchParams(query);
  if (next) nextQuery.set("after", next);
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">Donations</h1>
      <form
        method="get"
        className="mt-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6"
        aria-label="Filter donations"
      >
        <FilterSelect
          name="campaign"
          label="Campaign"
          value={filters.campaign}
          options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
        />
        <FilterSelect
          name="status"
          label="Status"
          value={filters.status}
          options={DONATION_STATUSES.map((s) => ({ value: s, label: s }))}
        />
        <FilterSelect name="method" label="Method" value={filters.method} options={METHODS} />
        <label className="grid gap-1 text-sm">
          From
          <input
            type="date"
            name="from"
            defaultValue={filters.from ?? ""}
            className="rounded border border-line bg-white p-2"
          />
        </label>
        <label className="grid gap-1 text-sm">
          To
          <input
            type="date"
            name="to"
            defaultValue={filters.to ?? ""}
            className="rounded border border-line bg-white p-2"
          />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded bg-accent px-4 py-2 text-white">
            Filter
          </button>
          <a
            href={`/dashboard/donations/export?${query}`}
            className="rounded border border-line px-3 py-2"
            download
          >
            Export CSV
          </a>
        </div>
      </form>
      <div className="mt-6 overflow-x-auto">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <thead>
            <tr>
              <th className="py-2">Received</th>
              <th>Campaign</th>
              <th>Amount</th>
              <th>Status</th>
              <th>Method</th>
              <th>Donor</th>
              <th>Message</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} className="border-t border-line align-top" data-testid="donation-row">
                <td className="py-2">{d.receivedAt.toISOString().slice(0, 10)}</td>
                <td>{d.campaign.title}</td>
                <td>
                  {formatMoney(d.amount, d.currency)}
                  {d.refundedAmount > 0 && (
                    <span className="block text-warn">−{formatMoney(d.refundedAmount, d.currency)}</span>
                  )}
                </td>
                <td>{d.status}</td>
                <td>
                  {d.method.replace("_", " ")}
                  {d.offlineReference && <span className="block text-muted">{d.offlineReference}</span>}
                </td>
                <td>
                  {d.donorName ?? d.displayName ?? "—"}
                  {d.anonymous && <span className="block text-muted">anonymous</span>}
                </td>
                <td className="max-w-xs">
                  {d.message && (
                    <span className={d.messageHidden ? "text-muted line-through" : ""}>{d.message}</span>
                  )}
                  {d.message && (
                    <ActionForm
                      action={setMessageHiddenAction}
                      submitLabel={d.messageHidden ? "Show message" : "Hide message"}
                      className="mt-1"
                      hideMessage
                    >
                      <Hidden name="id" value={d.id} />
                      <Hidden name="hidden" value={d.messageHidden ? "0" : "1"} />
                    </ActionForm>
                  )}
                </td>
                <td>
                  {d.method === "card" && d.status === "succeeded" && d.amount > d.refundedAmount && (
                    <ActionForm action={refundDonationAction} submitLabel="Refund" className="grid gap-1">
                      <Hidden name="id" value={d.id} />
                      <TextField name="amount" label="Amount to refund" hint="Empty: all that is left." />
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="mt-4 text-muted">No donations match these filters.</p>}
      </div>
      <nav className="mt-4 flex gap-4" aria-label="Pages">
        {after && (
          <Link href={`/dashboard/donations?${query}`} className="text-accent underline">
            Newest
          </Link>
        )}
        {next && (
          <Link href={`/dashboard/donations?${nextQuery}`} className="text-accent underline">
            Older donations
          </Link>
        )}
      </nav>
      <section className="mt-10 max-w-2xl" aria-labelledby="offline">
        <h2 id="offline" className="text-lg font-semibold">
          Record an offline gift
        </h2>
        <OfflineDonationForm campaigns={campaigns} />
      </section>
    </>
  );
}
