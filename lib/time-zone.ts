// Wall-clock times in the site's time zone (SITE_TIME_ZONE) <-> instants stored in UTC.
// Coordinators type "2026-11-28T10:00" meaning 10:00 where the NGO works, whatever zone the
// server runs in; Node's Date parsing would read it in the server's zone instead. Pure and
// Intl-only: the zone rules come from the ICU data Node ships with.

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const HOUR_MS = 3_600_000;

export function isValidTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall clock in `zone` at the instant `ms`. */
function wallClock(ms: number, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(new Date(ms))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The wall clock as if it were UTC, in ms: comparing it with the instant gives the zone's offset. */
function wallMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The zone's offset from UTC at the instant `ms`, in ms (Tokyo: +9 h). */
function offsetAt(ms: number, zone: string): number {
  return wallMs(wallClock(Math.floor(ms / 1000) * 1000, zone)) - Math.floor(ms / 1000) * 1000;
}

/**
 * "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm[:ss]" read as a wall-clock time in `zone` → the instant, or null
 * when the text is not such a date. A time that happens twice (clocks going back) is the earlier
 * instant; a time that never happens (clocks going forward) moves forward by the gap, as the
 * calendar apps and Temporal's "compatible" rule do.
 */
export function zonedToUtc(text: string, zone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number, number, number, number, number, number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 February over into March: refuse days the month does not have.
  if (new Date(local).getUTCDate() !== day || year < 1 || year > 9999) return null;
  // Offsets in force around that wall time (zones change offset at most once within a day).
  const offsets = [...new Set([offsetAt(local - 24 * HOUR_MS, zone), offsetAt(local, zone), offsetAt(local + 24 * HOUR_MS, zone)])];
  const matches = offsets
    .map((offset) => local - offset)
    .filter((instant) => wallMs(wallClock(instant, zone)) === local)
    .sort((a, b) => a - b);
  if (matches[0] !== undefined) return new Date(matches[0]);
  // In a gap: the offset from before the change carries the time forward past it.
  return new Date(local - offsetAt(local - 24 * HOUR_MS, zone));
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "YYYY-MM-DD" of the instant in `zone` (a date input's value). */
export function toZonedDate(date: Date, zone: string): string {
  const w = wallClock(date.getTime(), zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** "YYYY-MM-DDTHH:mm" of the instant in `zone` (a datetime-local input's value). */
export function toZonedDateTime(date: Date, zone: string): string {
  const w = wallClock(date.getTime(), zone);
  return `${toZonedDate(date, zone)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** "2026-11-28 10:00 (Asia/Tokyo)": a time shown to staff always names its zone. */
export function formatZonedDateTime(date: Date, zone: string): string {
  return `${toZonedDateTime(date, zone).replace("T", " ")} (${zone})`;
}

/** The instant a calendar day starts in `zone`: "2026-11-28" in Tokyo → 2026-11-27T15:00Z. */
export function startOfZonedDay(day: string, zone: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? zonedToUtc(day, zone) : null;
}

/** The instant the next calendar day starts (the exclusive end of "up to and including `day`"). */
export function endOfZonedDay(day: string, zone: string): Date | null {
  const start = startOfZonedDay(day, zone);
  if (!start) return null;
  // Noon of the day plus a day is safely inside the next day, whatever DST did in between.
  const next = new Date(start.getTime() + 36 * HOUR_MS);
  return startOfZonedDay(toZonedDate(next, zone), zone);
}
