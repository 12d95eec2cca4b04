// The donate form: what a donor may send, with messages written for them. The amount is parsed
// from text in the campaign's currency, so the schema is built per currency.
import { z } from "zod";
import { CONTROL_CHARACTERS_MESSAGE, WITHOUT_CONTROL_CHARACTERS } from "@/lib/actions/form-fields";
import { amountLimits, feeRuleFor, formatMoney, grossUp, parseMajorAmount } from "@/lib/money";

import { DISPLAY_NAME_MAX, MESSAGE_MAX } from "./donation-limits";

export { DISPLAY_NAME_MAX, MESSAGE_MAX };

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

const optionalText = (max: number, label: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max, `${label} can be at most ${max} characters.`).regex(WITHOUT_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE))
    .transform((v) => (v === "" ? null : v));

/** Which amount: a suggested one (minor units) or "custom" with the typed text. */
export function amountSchema(currency: string) {
  const { min, max } = amountLimits(currency);
  return z
    .object({
      amount: z.string().optional().default(""),
      customAmount: z.string().optional().default(""),
      coverFees: checkbox,
    })
    .transform((data, ctx) => {
      const custom = data.amount === "custom" || data.amount === "";
      const parsed = custom
        ? parseMajorAmount(data.customAmount, currency)
        : /^\d{1,9}$/.test(data.amount)
          ? { ok: true as const, minor: BigInt(data.amount) }
          : { ok: false as const, message: "Choose an amount." };
      const path = [custom ? "customAmount" : "amount"];
      if (!parsed.ok) {
        const empty = custom && data.customAmount.trim() === "";
        ctx.addIssue({ code: "custom", path, message: empty ? "Choose or enter an amount." : parsed.message });
        return z.NEVER;
      }
      if (parsed.minor < min || parsed.minor > max) {
        const range = `${formatMoney(min, currency)} and ${formatMoney(max, currency)}`;
        ctx.addIssue({ code: "custom", path, message: `Enter an amount between ${range}.` });
        return z.NEVER;
      }
      const charged = data.coverFees ? grossUp(parsed.minor, feeRuleFor(currency)) : parsed.minor;
      return { gift: parsed.minor, charged, coverFees: data.coverFees };
    });
}

/** Everything else on the form. */
export const donorDetailsSchema = z
  .object({
    frequency: z.enum(["once", "monthly"], { error: "Choose whether to give once or every month." }),
    anonymous: checkbox,
    displayName: optionalText(DISPLAY_NAME_MAX, "Your public name"),
    message: optionalText(MESSAGE_MAX, "Your message"),
    email: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim())
      .pipe(z.union([z.literal(""), z.email("Enter a valid e-mail address, or leave it empty.").max(254)]))
      .transform((v) => (v === "" ? null : v.toLowerCase())),
  })
  .transform((d) => ({
    frequency: d.frequency,
    anonymous: d.anonymous,
    displayName: d.anonymous ? null : d.displayName,
    message: d.message,
    donorEmail: d.email,
  }));

export type DonationForm = z.output<ReturnType<typeof amountSchema>> & z.output<typeof donorDetailsSchema>;

export type DonationParse = { success: true; data: DonationForm } | { success: false; fieldErrors: Record<string, string> };

/** Validates the whole form at once, so every problem is shown in one go. */
export function parseDonationForm(currency: string, values: Record<string, string>): DonationParse {
  const amount = amountSchema(currency).safeParse(values);
  const details = donorDetailsSchema.safeParse(values);
  if (amount.success && details.success) return { success: true, data: { ...amount.data, ...details.data } };
  return {
    success: false,
    fieldErrors: {
      ...(amount.success ? {} : fieldErrorsOf(amount.error)),
      ...(details.success ? {} : fieldErrorsOf(details.error)),
    },
  };
}

/** The first message per field, for showing next to each input. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
