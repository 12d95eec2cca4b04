import { z } from "zod";
import { checkbox, id, majorAmount, optionalText, required } from "@/lib/actions/form-fields";

export const offlineDonationSchema = z.object({
  campaignId: id,
  method: z.enum(["bank_transfer", "cash"], { error: "Choose bank transfer or cash." }),
  receivedOn: z.coerce.date({ error: "Enter the date the gift arrived." }),
  reference: required(120),
  amount: majorAmount,
  displayName: optionalText(80),
  message: optionalText(1_000),
  anonymous: checkbox,
});

export const donationMessageSchema = z.object({ id, hidden: z.enum(["1", "0"]) });

export type OfflineDonationInput = z.output<typeof offlineDonationSchema>;

/** A refund: empty amount means everything not refunded yet. */
export const refundSchema = z.object({ id, amount: optionalText(20) });
export type RefundInput = z.output<typeof refundSchema>;
