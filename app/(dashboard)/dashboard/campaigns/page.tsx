import Link from "next/link";
import { ROLES } from "@/lib/auth/roles";
import { listCampaignsForDashboard } from "@/lib/campaigns/staff-campaigns";
import { STAGE_LABELS } from "@/lib/campaigns/mission-stages";
import { publicStage } from "@/lib/campaigns/mission-timeline";
import { siteDay } from "../_components/site-time";
import { formatMoney } from "@/lib/money";
import { requireRole } from "@/lib/auth/session";

export default async function CampaignsPage() {
  const user = await requireRole(...ROLES.campaigns);
  const campaigns = await listCampaignsForDashboard(user);
  const now = new Date();
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
            <p className="text-sm text-muted" data-testid="campaign-summary">
              {c.status} · {STAGE_LABELS[c.stage]}
              {publicStage(c.updates, c.stage, now) !== c.stage &&
                ` (the public sees ${STAGE_LABELS[publicStage(c.updates, c.stage, now)]})`}{" "}
              · {formatMoney(c.raisedAmount, c.currency)} of {formatMoney(c.goalAmount, c.currency)}
              {c.deadline && ` · until ${siteDay(c.deadline)}`}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
