// How a campaign's deadline reads to a visitor. Pure: `now` is passed in.
const DAY_MS = 86_400_000;

/** Whole days left, rounded up (a deadline in 3 hours is "1 day left"); 0 once it has passed. */
export function daysLeft(deadline: string | null, now: Date): number | null {
  if (!deadline) return null;
  return Math.max(0, Math.ceil((Date.parse(deadline) - now.getTime()) / DAY_MS));
}

export function deadlineText(deadline: string | null, now: Date): string | null {
  const days = daysLeft(deadline, now);
  if (days === null) return null;
  if (days === 0) return "Ended";
  return days === 1 ? "1 day left" : `${days} days left`;
}

/** A campaign with a deadline still ahead is urgent. */
export function isUrgent(c: { status: string; deadline: string | null }, now: Date): boolean {
  return c.status === "published" && c.deadline !== null && Date.parse(c.deadline) > now.getTime();
}
