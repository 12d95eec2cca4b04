// The donate form: what a donor may send, with messages written for them. The amount is parsed
// from text in the campaign's currency, so the schema is built per currency.
import { z } from "zod";
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
    .pipe(z.string().max(max, `${label} can be at most ${max} characters.`))
    .transform((v) => (v === "" ? null : v));

export function donationSchema(currency: string) {
  const { min, max } = amountLimits(currency);
  return z
    .object({
      amount: z.string().optional().default(""),
      customAmount: z.string().optional().default(""),
      frequency: z.enum(["once", "monthly"], { error: "Choose whether to give once or every month." }),
      coverFees: checkbox,
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
    .transform((data, ctx) => {
      const custom = data.amount === "custom" || data.amount === "";
      const parsed = custom
        ? parseMajorAmount(data.customAmount, currency)
        : /^\d{1,9}$/.test(data.amount)
          ? { ok: true as const, minor: Number(data.amount) }
          : { ok: false as const, message: "Choose an amount." };
      const path = [custom ? "customAmount" : "amount"];
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", path, message: custom && data.customAmount.trim() === "" ? "Choose or enter an amount." : parsed.message });
        return z.NEVER;
      }
      if (parsed.minor < min || parsed.minor > max) {
        ctx.addIssue({
          code: "custom",
          path,
          message: `Enter an amount between ${formatMoney(min, currency)} and ${formatMoney(max, currency)}.`,
        });
        return z.NEVER;
      }
      return {
        gift: parsed.minor,
        charged: data.coverFees ? grossUp(parsed.minor, feeRuleFor(currency)) : parsed.minor,
        coverFees: data.coverFees,
        frequency: data.frequency,
        anonymous: data.anonymous,
        displayName: data.anonymous ? null : data.displayName,
        message: data.message,
        donorEmail: data.email,
      };
    });
}

export type DonationForm = z.output<ReturnType<typeof donationSchema>>;

/** The first message per field, for showing next to each input. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
