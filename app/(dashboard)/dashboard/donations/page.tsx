import Link from "next/link";
import { ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { listCampaignChoices } from "@/lib/campaigns/staff-campaigns";
import { decodeCursor } from "@/lib/donations/donation-cursor";
import { DONATION_STATUSES, listDonations, parseDonationFilters } from "@/lib/donations/staff-donations";
import { formatMoney } from "@/lib/money";
import { ActionForm, Hidden, TextField } from "../_components/form";
import { siteDay, siteTimeZone } from "../_components/site-time";
import { refundDonationAction, setMessageHiddenAction } from "./actions";
import { OfflineDonationForm } from "./offline-form";

type Search = Promise<Record<string, string | string[] | undefined>>;

const METHODS = [
  { value: "card", label: "card" },
  { value: "bank_transfer", label: "bank transfer" },
  { value: "cash", label: "cash" },
];

// min-w-0 lets a grid cell shrink below its select's longest option (a long campaign title).
const filterCell = "grid min-w-0 gap-1 text-sm";
const filterControl = "w-full min-w-0 rounded border border-line bg-white p-2";
const cell = "px-3 py-2 align-top";

function FilterSelect(props: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <label className={filterCell}>
      {props.label}
      <select name={props.name} defaultValue={props.value ?? ""} className={filterControl}>
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
  const zone = siteTimeZone();
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
        className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))]"
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
        <label className={filterCell}>
          From
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={filterControl} />
        </label>
        <label className={filterCell}>
          To
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={filterControl} />
        </label>
        <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-5">
          <button type="submit" className="rounded bg-accent px-4 py-2 text-white">
            Filter
          </button>
          <a href={`/dashboard/donations/export?${query}`} className="rounded border border-line px-3 py-2" download>
            Export CSV
          </a>
          <span className="text-sm text-muted">Days in {zone}.</span>
        </div>
      </form>
      <div className="mt-6 overflow-x-auto">
        <table className="w-full min-w-[64rem] border-collapse text-left text-sm" data-testid="donations-table">
          <thead>
            <tr className="border-b border-line">
              <th className={cell}>Received ({zone})</th>
              <th className={cell}>Campaign</th>
              <th className={`${cell} text-right`}>Amount</th>
              <th className={cell}>Status</th>
              <th className={cell}>Method</th>
              <th className={cell}>Donor</th>
              <th className={cell}>Message</th>
              <th className={cell}>Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr
                key={d.id}
                className={`border-t border-line ${d.status === "voided" ? "text-muted" : ""}`}
                data-testid="donation-row"
              >
                <td className={`${cell} whitespace-nowrap`}>{siteDay(d.receivedAt)}</td>
                <td className={`${cell} max-w-[14rem] break-words`}>{d.campaign.title}</td>
                <td className={`${cell} whitespace-nowrap text-right tabular-nums`}>
                  <span className={d.status === "voided" ? "line-through" : ""}>{formatMoney(d.amount, d.currency)}</span>
                  {d.refundedAmount > 0 && (
                    <span className="block text-warn">−{formatMoney(d.refundedAmount, d.currency)}</span>
                  )}
                </td>
                <td className={cell}>{d.status}</td>
                <td className={cell}>
                  {d.method.replace("_", " ")}
                  {d.offlineReference && <span className="block break-all text-muted">{d.offlineReference}</span>}
                </td>
                <td className={`${cell} max-w-[12rem] break-words`}>
                  {d.donorName ?? d.displayName ?? "—"}
                  {d.anonymous && <span className="block text-muted">anonymous</span>}
                </td>
                <td className={`${cell} max-w-xs break-words`}>
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
                <td className={cell}>
                  {d.method !== "card" && (
                    <Link href={`/dashboard/donations/${d.id}`} className="text-accent underline">
                      {d.status === "voided" ? "View" : "Edit or void"}
                    </Link>
                  )}
                  {d.method === "card" && d.status === "succeeded" && d.amount > d.refundedAmount && (
                    <details>
                      <summary className="cursor-pointer text-accent underline">Refund…</summary>
                      <ActionForm action={refundDonationAction} submitLabel="Refund" className="mt-2 grid w-56 gap-2">
                        <Hidden name="id" value={d.id} />
                        <TextField name="amount" label="Amount to refund" hint="Empty: all that is left." />
                      </ActionForm>
                    </details>
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
