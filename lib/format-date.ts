// Dates as visitors read them, in the site's time zone (SITE_TIME_ZONE), so an update published
// at 08:00 in Tokyo is dated that day, not the day before as in UTC; never the server's zone.
import { env } from "@/lib/env";

let long: Intl.DateTimeFormat | undefined;

export function formatDate(iso: string): string {
  long ??= new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: env.siteTimeZone });
  return long.format(new Date(iso));
}
