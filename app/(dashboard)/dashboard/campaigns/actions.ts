"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/safe-action";
import { ROLES } from "@/lib/auth/roles";
import { createBeneficiary, deleteBeneficiary, updateBeneficiary } from "@/lib/campaigns/edit-beneficiary";
import { createCampaign, setCampaignStatus, updateCampaign } from "@/lib/campaigns/edit-campaign";
import { moveMissionStage } from "@/lib/campaigns/record-mission-update";
import type { MissionStage } from "@/lib/generated/prisma/enums";
import {
  beneficiaryCreateSchema,
  beneficiaryDeleteSchema,
  beneficiaryUpdateSchema,
} from "@/lib/validations/beneficiary";
import { campaignCreateSchema, campaignStatusSchema, campaignUpdateSchema } from "@/lib/validations/campaign";
import { missionUpdateSchema } from "@/lib/validations/mission";

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
  schema: missionUpdateSchema,
  handler: async (input, user) => {
    await moveMissionStage(user, { ...input, stage: input.stage as MissionStage });
    return { message: "Mission update recorded." };
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
  handler: async ({ id, ...fields }, user) => {
    await updateBeneficiary(user, id, fields);
    return { message: "Saved." };
  },
});

export const deleteBeneficiaryAction = formAction({
  roles: ROLES.campaigns,
  schema: beneficiaryDeleteSchema,
  handler: async ({ id }, user) => {
    await deleteBeneficiary(user, id);
    return { message: "Removed." };
  },
});
