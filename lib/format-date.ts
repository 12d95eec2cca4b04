// Dates as visitors read them, in UTC so the server's zone never changes a page.
const LONG = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export function formatDate(iso: string): string {
  return LONG.format(new Date(iso));
}
