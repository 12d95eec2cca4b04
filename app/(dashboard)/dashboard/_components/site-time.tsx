// Times in the dashboard: always in the site's time zone (SITE_TIME_ZONE), always naming it.
// Server-only (it reads the setting); forms get the zone's name as a plain string for hints.
import "server-only";
import { env } from "@/lib/env";
import { formatZonedDateTime, toZonedDate, toZonedDateTime } from "@/lib/time-zone";

export const siteTimeZone = () => env.siteTimeZone;

/** "2026-11-28 10:00 (Asia/Tokyo)". */
export function siteDateTime(date: Date): string {
  return formatZonedDateTime(date, env.siteTimeZone);
}

/** "2026-11-28", the day in the site's zone (a column or hint names the zone). */
export function siteDay(date: Date): string {
  return toZonedDate(date, env.siteTimeZone);
}

/** The value of a datetime-local input showing `date` in the site's zone. */
export function siteDateTimeInput(date: Date | null | undefined): string {
  return date ? toZonedDateTime(date, env.siteTimeZone) : "";
}

export function SiteTime({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{siteDateTime(date)}</time>;
}
