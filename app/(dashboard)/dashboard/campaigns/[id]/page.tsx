import { notFound } from "next/navigation";
import { ROLES } from "@/lib/auth/roles";
import { listBeneficiaries } from "@/lib/campaigns/staff-beneficiaries";
import { getCampaignForEdit } from "@/lib/campaigns/staff-campaigns";
import { requireRole } from "@/lib/auth/session";
import { ActionForm, Hidden } from "../../_components/form";
import { setCampaignStatusAction, updateCampaignAction } from "../actions";
import { CampaignFields } from "../campaign-fields";
import { BeneficiariesSection } from "./beneficiaries-section";
import { MissionSection } from "./mission-section";

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole(...ROLES.campaigns);
  const { id } = await params;
  const campaign = await getCampaignForEdit(user, id);
  if (!campaign) notFound();
  const beneficiaries = await listBeneficiaries(user, campaign.id);
  const nextStatus =
    campaign.status === "published"
      ? ["closed", "draft"]
      : campaign.status === "closed"
        ? ["published"]
        : ["published"];
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">{campaign.title}</h1>
      <p className="text-sm text-muted" data-testid="campaign-status">
        Status: {campaign.status}
      </p>
      <div className="mt-3 flex flex-wrap gap-3">
        {nextStatus.map((status) => (
          <ActionForm
            key={status}
            action={setCampaignStatusAction}
            className="flex flex-wrap gap-2"
            submitLabel={status === "published" ? "Publish" : status === "closed" ? "Close" : "Back to draft"}
          >
            <Hidden name="id" value={campaign.id} />
            <Hidden name="version" value={String(campaign.version)} />
            <Hidden name="status" value={status} />
          </ActionForm>
        ))}
      </div>
      <section className="mt-8 max-w-3xl" aria-labelledby="details">
        <h2 id="details" className="text-lg font-semibold">
          Details
        </h2>
        <ActionForm action={updateCampaignAction} submitLabel="Save campaign">
          <Hidden name="id" value={campaign.id} />
          <Hidden name="version" value={String(campaign.version)} />
          <CampaignFields campaign={campaign} />
        </ActionForm>
      </section>
      <MissionSection campaign={campaign} />
      <BeneficiariesSection campaignId={campaign.id} beneficiaries={beneficiaries} />
    </>
  );
}
