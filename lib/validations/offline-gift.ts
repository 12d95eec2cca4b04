import { z } from "zod";
import { checkbox, id, majorAmount, optionalText, required, siteDate } from "@/lib/actions/form-fields";

export const offlineDonationSchema = z.object({
  campaignId: id,
  method: z.enum(["bank_transfer", "cash"], { error: "Choose bank transfer or cash." }),
  receivedOn: siteDate("Enter the date the gift arrived."),
  reference: required(120),
  amount: majorAmount,
  displayName: optionalText(80),
  message: optionalText(1_000),
  anonymous: checkbox,
});

export type OfflineDonationInput = z.output<typeof offlineDonationSchema>;
