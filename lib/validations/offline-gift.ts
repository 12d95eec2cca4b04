import { z } from "zod";
import { checkbox, confirmed, id, majorAmount, optionalText, required, siteDate } from "@/lib/actions/form-fields";

export const offlineDonationSchema = z.object({
  campaignId: id,
  method: z.enum(["bank_transfer", "cash"], { error: "Choose bank transfer or cash." }),
  receivedOn: siteDate("Enter the date the gift arrived."),
  reference: required(120),
  amount: majorAmount,
  displayName: optionalText(80),
  message: optionalText(1_000),
  anonymous: checkbox,
  /** Yes to "this reference is already on another gift: is this a different one?". */
  confirmed,
});

/** The gift's updatedAt when the form was opened: an edit against an older one is refused. */
const giftVersion = z.coerce.date({ error: "Reload the page and try again." });

export const offlineDonationUpdateSchema = offlineDonationSchema.extend({ id, version: giftVersion });

export const offlineDonationVoidSchema = z.object({
  id,
  version: giftVersion,
  reason: required(300),
  confirmed,
});

/** `confirmed` omitted (code, not a form) counts as no: a reused reference is still refused. */
export type OfflineDonationInput = Omit<z.output<typeof offlineDonationSchema>, "confirmed"> & { confirmed?: boolean };
