import Link from "next/link";
import { ROLES } from "@/lib/auth/roles";
import { listCampaignsForDashboard } from "@/lib/campaigns/staff-campaigns";
import { STAGE_LABELS } from "@/lib/campaigns/mission-stages";
import { formatMoney } from "@/lib/money";
import { requireRole } from "@/lib/auth/session";

export default async function CampaignsPage() {
  const user = await requireRole(...ROLES.campaigns);
  const campaigns = await listCampaignsForDashboard(user);
  return (
    <>
      <div className="flex items-center justify-between gap-4">
        <h1 className="font-serif text-2xl font-semibold">Campaigns</h1>
        <Link href="/dashboard/campaigns/new" className="rounded bg-accent px-4 py-2 text-white">
          New campaign
        </Link>
      </div>
      <ul className="mt-6 grid gap-3">
        {campaigns.map((c) => (
          <li key={c.id} className="rounded border border-line bg-white p-4">
            <Link href={`/dashboard/campaigns/${c.id}`} className="font-semibold text-accent underline">
              {c.title}
            </Link>
            <p className="text-sm text-muted">
              {c.status} · {STAGE_LABELS[c.stage]} · {formatMoney(c.raisedAmount, c.currency)} of{" "}
              {formatMoney(c.goalAmount, c.currency)}
              {c.deadline && ` · until ${c.deadline.toISOString().slice(0, 10)}`}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
