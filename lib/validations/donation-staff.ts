// Staff acts on an existing gift: hiding its message, refunding it.
import { z } from "zod";
import { id, optionalText } from "@/lib/actions/form-fields";

export const donationMessageSchema = z.object({ id, hidden: z.enum(["1", "0"]) });

/** A refund: empty amount means everything not refunded yet. */
export const refundSchema = z.object({ id, amount: optionalText(20) });
export type RefundInput = z.output<typeof refundSchema>;
