// The keyset cursor of the dashboard donations list (`?after=`): the last row's (receivedAt, id).
// Pure, so the bench can build a cursor for any row without importing the server-only data layer.

export type DonationCursor = { receivedAt: Date; id: string };

export function encodeCursor(cursor: DonationCursor): string {
  return Buffer.from(`${cursor.receivedAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(text: string | undefined): DonationCursor | undefined {
  if (!text) return undefined;
  const [iso, id] = Buffer.from(text, "base64url").toString("utf8").split("|");
  const receivedAt = new Date(iso ?? "");
  return id && !Number.isNaN(receivedAt.getTime()) ? { receivedAt, id } : undefined;
}
