// The keyset cursor of the dashboard donations list (`?after=`): the last row's (receivedAt, id).
// Pure, so the bench can build a cursor for any row without importing the server-only data layer.
// A cursor comes back from the URL, so anyone can write one: it is validated before it reaches
// a query (a NUL byte or a date PostgreSQL cannot store made the page a 500).
import { z } from "zod";

export type DonationCursor = { receivedAt: Date; id: string };

/** Dates PostgreSQL's timestamp holds and a gift can have; JavaScript's range is far wider. */
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

const cursorSchema = z.object({
  receivedAt: z.iso
    .datetime()
    .transform((iso) => new Date(iso))
    .refine((d) => d.getTime() >= EARLIEST && d.getTime() <= LATEST),
  // Donation ids are cuids; anything else cannot be a row of the list.
  id: z.string().regex(/^[a-z0-9]{1,64}$/i),
});

export function encodeCursor(cursor: DonationCursor): string {
  return Buffer.from(`${cursor.receivedAt.toISOString()}|${cursor.id}`).toString("base64url");
}

/** The cursor, or undefined (the first page) for anything that is not one. */
export function decodeCursor(text: string | undefined): DonationCursor | undefined {
  if (!text || text.length > 200) return undefined;
  const parts = Buffer.from(text, "base64url").toString("utf8").split("|");
  if (parts.length !== 2) return undefined;
  const parsed = cursorSchema.safeParse({ receivedAt: parts[0], id: parts[1] });
  return parsed.success ? parsed.data : undefined;
}
