"use server";
import { redirect } from "next/navigation";
import { NeedsConfirmation } from "@/lib/actions/field-error";
import { formAction } from "@/lib/actions/safe-action";
import { ROLES } from "@/lib/auth/roles";
import { createBeneficiary, deleteBeneficiary, updateBeneficiary } from "@/lib/campaigns/edit-beneficiary";
import { createCampaign, setCampaignStatus, updateCampaign } from "@/lib/campaigns/edit-campaign";
import { STAGE_LABELS } from "@/lib/campaigns/mission-stages";
import { moveMissionStage, postMissionNote, type RecordedUpdate } from "@/lib/campaigns/record-mission-update";
import {
  beneficiaryCreateSchema,
  beneficiaryDeleteSchema,
  beneficiaryUpdateSchema,
} from "@/lib/validations/beneficiary";
import { campaignCreateSchema, campaignStatusSchema, campaignUpdateSchema } from "@/lib/validations/campaign";
import { missionMoveSchema, missionNoteSchema } from "@/lib/validations/mission";
import { siteDateTime } from "../_components/site-time";

/** "… The public sees it from 2026-11-29 10:00 (Asia/Tokyo)." and what a pause withdrew. */
function publicationMessage({ publication, withdrawn }: RecordedUpdate): string {
  const when =
    publication.kind === "staff-only"
      ? "Only staff see it."
      : publication.kind === "public" && publication.at > new Date()
        ? `Scheduled: the public sees it from ${siteDateTime(publication.at)}.`
        : "The public sees it now.";
  const pulled =
    withdrawn === 0
      ? ""
      : ` ${withdrawn === 1 ? "1 update that was not public yet was" : `${withdrawn} updates that were not public yet were`} withdrawn.`;
  return `${when}${pulled}`;
}

export const createCampaignAction = formAction({
  roles: ROLES.campaigns,
  schema: campaignCreateSchema,
  handler: async (input, user) => {
    const id = await createCampaign(user, input);
    redirect(`/dashboard/campaigns/${id}?created=1`);
  },
});

export const updateCampaignAction = formAction({
  roles: ROLES.campaigns,
  schema: campaignUpdateSchema,
  handler: async (input, user) => {
    await updateCampaign(user, input);
    return { message: "Campaign saved." };
  },
});

export const setCampaignStatusAction = formAction({
  roles: ROLES.campaigns,
  schema: campaignStatusSchema,
  handler: async (input, user) => {
    await setCampaignStatus(user, input);
    return { message: `Campaign is now ${input.status}.` };
  },
});

export const moveMissionAction = formAction({
  roles: ROLES.campaigns,
  schema: missionMoveSchema,
  handler: async (input, user) => {
    const recorded = await moveMissionStage(user, input);
    return { message: `Moved to ${STAGE_LABELS[input.stage]}. ${publicationMessage(recorded)}` };
  },
});

export const postMissionNoteAction = formAction({
  roles: ROLES.campaigns,
  schema: missionNoteSchema,
  handler: async (input, user) => {
    const recorded = await postMissionNote(user, input);
    return { message: `Note posted. ${publicationMessage(recorded)}` };
  },
});

export const createBeneficiaryAction = formAction({
  roles: ROLES.campaigns,
  schema: beneficiaryCreateSchema,
  handler: async ({ campaignId, ...fields }, user) => {
    await createBeneficiary(user, campaignId, fields);
    return { message: "Person added." };
  },
});

export const updateBeneficiaryAction = formAction({
  roles: ROLES.campaigns,
  schema: beneficiaryUpdateSchema,
  handler: async (input, user) => {
    await updateBeneficiary(user, input);
    return { message: "Saved." };
  },
});

export const deleteBeneficiaryAction = formAction({
  roles: ROLES.campaigns,
  schema: beneficiaryDeleteSchema,
  handler: async ({ id, confirmed }, user) => {
    if (!confirmed) {
      throw new NeedsConfirmation(
        "Remove this person and everything recorded about them (name, location, contact, notes)? This cannot be undone.",
        "Yes, remove this person",
      );
    }
    await deleteBeneficiary(user, id);
    return { message: "Removed." };
  },
});
