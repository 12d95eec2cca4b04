// Reads a request body as text, refusing it once it passes a size limit: a route handler must not
// buffer whatever a stranger sends (Next.js limits server-action bodies, not route handlers).

/**
 * The largest request body the app accepts anywhere: Next.js's own server-action limit (1 MB),
 * which a dashboard form (at most a 100,000-character article) stays well under.
 */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** True when the request declares a body larger than `maxBytes` (Content-Length). */
export function declaresTooLargeBody(headers: Headers, maxBytes = MAX_REQUEST_BODY_BYTES): boolean {
  const declared = Number(headers.get("content-length") ?? "");
  return Number.isFinite(declared) && declared > maxBytes;
}

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
    this.name = "BodyTooLarge";
  }
}

/** The body as UTF-8 text, or BodyTooLarge as soon as more than `maxBytes` arrive. */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  if (declaresTooLargeBody(req.headers, maxBytes)) throw new BodyTooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
