// zod pieces for HTML form fields, which always arrive as strings (or arrays for checkboxes).
import { z } from "zod";
import { env } from "@/lib/env";
import { formatMajorPlain, formatMoney, MAX_STORED_MINOR, parseMajorAmount } from "@/lib/money";
import { zonedToUtc } from "@/lib/time-zone";

/**
 * No C0 control characters except tab and line breaks, and no DEL. PostgreSQL cannot store NUL
 * (the write failed with a database error instead of a field message), and none of the others is
 * ever meant in a form; they only hide text or confuse terminals and CSV readers.
 */
export const WITHOUT_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
export const CONTROL_CHARACTERS_MESSAGE = "Remove the invisible control characters.";

export const trimmed = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters.`).regex(WITHOUT_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE);
export const required = (max: number) => trimmed(max).min(1, "Required.");
export const optionalText = (max: number) => z.preprocess((v) => v ?? "", trimmed(max));
export const id = z.string().trim().min(1, "Required.").max(64).regex(WITHOUT_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE);
export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "At least 2 characters.")
  .max(80, "At most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lower-case letters, digits and single hyphens only.");
export const version = z.coerce.number().int().min(1);
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());
/** The "yes" of a confirmation button (NeedsConfirmation); anything else is no. */
export const confirmed = z.preprocess((v) => v === "yes", z.boolean());
export const idList = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().min(1).max(64).regex(WITHOUT_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE)).max(50),
);
/**
 * An amount as typed ("5000", "12,345", "¥12,345", "12.50"): read with the currency later by
 * lib/money's parseMajorAmount, the same parser as the public donate form, so staff may type
 * whatever a donor may.
 */
export const majorAmount = z
  .string()
  .trim()
  .min(1, "Enter an amount.")
  .max(40, "Enter an amount such as 5000 or 12.50.")
  .regex(WITHOUT_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE);

const blankToUndefined = (v: unknown) => (v === "" || v === undefined || v === null ? undefined : v);

/** Text read as a wall-clock time in the site's zone (SITE_TIME_ZONE), not the server's: the instant. */
function inSiteZone(pattern: RegExp, message: string) {
  return z
    .string()
    .trim()
    .regex(pattern, message)
    .transform((text, ctx) => {
      const instant = zonedToUtc(text, env.siteTimeZone);
      if (!instant) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return instant;
    });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** A day ("2026-11-28") in the site's zone → the instant it starts there. */
export const siteDate = (message = "Enter a valid date.") => inSiteZone(DATE, message);
export const optionalSiteDate = z.preprocess(blankToUndefined, siteDate().optional());
/** A datetime-local value ("2026-11-28T10:00") in the site's zone → the instant; empty → undefined. */
export const optionalSiteDateTime = z.preprocess(
  blankToUndefined,
  inSiteZone(DATE_TIME, "Enter a date and a time.").optional(),
);

/**
 * Major units as typed → integer minor units, with lib/money's exact parser; null when the
 * currency has fewer decimals than typed, or when the amount would not fit the database column.
 */
export function toMinorUnits(major: string, currency: string): bigint | null {
  const parsed = parseMajorAmount(major, currency, MAX_STORED_MINOR);
  return parsed.ok ? parsed.minor : null;
}

/**
 * A positive staff amount in minor units, or the message to show at the field: the parser's own
 * for text that is not an amount ("JPY amounts have no decimals."), the range for the rest.
 */
export function parseStaffAmount(
  major: string,
  currency: string,
): { ok: true; minor: bigint } | { ok: false; message: string } {
  const parsed = parseMajorAmount(major, currency, MAX_STORED_MINOR);
  if (parsed.ok && parsed.minor > 0n) return parsed;
  if (!parsed.ok && parsed.message !== "That amount is too large.") return parsed;
  return { ok: false, message: amountRangeMessage(currency) };
}

/** Integer minor units → the text a form shows, e.g. (1250, "USD") → "12.50". */
export const toMajorText = formatMajorPlain;

/** The message for an amount toMinorUnits refused (or that is not positive). */
export function amountRangeMessage(currency: string): string {
  return `Enter a positive amount in ${currency}, at most ${formatMoney(MAX_STORED_MINOR, currency)}.`;
}
