import { z } from "zod";
import { confirmed, id, optionalText, required, version } from "@/lib/actions/form-fields";

const fields = {
  publicLabel: required(200),
  privateName: optionalText(200),
  privateLocation: optionalText(500),
  privateContact: optionalText(500),
  privateNotes: optionalText(5_000),
};

export const beneficiaryCreateSchema = z.object({ campaignId: id, ...fields });
export const beneficiaryUpdateSchema = z.object({ id, version, ...fields });
export const beneficiaryDeleteSchema = z.object({ id, confirmed });
