// Staff acts on an existing gift: hiding its message, refunding it.
import { z } from "zod";
import { confirmed, id, optionalText } from "@/lib/actions/form-fields";

export const donationMessageSchema = z.object({ id, hidden: z.enum(["1", "0"]) });

/** A refund: empty amount means everything not refunded yet. */
export const refundSchema = z.object({ id, amount: optionalText(40), confirmed });
export type RefundInput = Omit<z.output<typeof refundSchema>, "confirmed"> & { confirmed?: boolean };
