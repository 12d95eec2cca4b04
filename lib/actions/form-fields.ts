// zod pieces for HTML form fields, which always arrive as strings (or arrays for checkboxes).
import { z } from "zod";
import { formatMajorPlain, parseMajorAmount } from "@/lib/money";

export const trimmed = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
export const required = (max: number) => trimmed(max).min(1, "Required.");
export const optionalText = (max: number) => z.preprocess((v) => v ?? "", trimmed(max));
export const id = z.string().trim().min(1, "Required.").max(64);
export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "At least 2 characters.")
  .max(80, "At most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lower-case letters, digits and single hyphens only.");
export const version = z.coerce.number().int().min(1);
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());
export const idList = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().min(1).max(64)).max(50),
);
/** A plain decimal amount as typed, e.g. "5000" or "12.50"; converted with the currency later. */
export const majorAmount = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, "Enter an amount such as 5000 or 12.50.");
export const optionalDate = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : v),
  z.coerce.date({ error: "Enter a valid date." }).optional(),
);

/** Major units as typed → integer minor units (lib/money's exact parser); null when not a valid amount. */
export function toMinorUnits(major: string, currency: string): number | null {
  const parsed = parseMajorAmount(major, currency);
  return parsed.ok ? parsed.minor : null;
}

/** Integer minor units → the text a form shows, e.g. (1250, "USD") → "12.50". */
export const toMajorText = formatMajorPlain;
