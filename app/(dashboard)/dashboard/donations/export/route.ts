// GET /dashboard/donations/export – CSV of exactly the donations the current filters select (coordinators, admins).
// UTF-8 with a BOM (Excel then reads Japanese names right), every cell quoted, formula-like cells
// neutralised (lib/donations/donation-csv.ts).
import { stringify } from "csv-stringify";
import { ROLES } from "@/lib/auth/roles";
import { donationCsvHeader, donationCsvRow } from "@/lib/donations/donation-csv";
import { iterateDonations, parseDonationFilters } from "@/lib/donations/staff-donations";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authorizeRole } from "@/lib/auth/session";

export async function GET(request: Request): Promise<Response> {
  let user;
  try {
    user = await authorizeRole(ROLES.donations);
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHENTICATED")
      return new Response("Sign in first.", { status: 401 });
    if (error instanceof AppError) return new Response("Not found.", { status: 404 });
    throw error;
  }
  const filters = parseDonationFilters(Object.fromEntries(new URL(request.url).searchParams));
  const zone = env.siteTimeZone;
  const csv = stringify({ bom: true, quoted: true, header: true, columns: donationCsvHeader(zone) });
  // Rows are read a batch at a time and streamed, so a 100 000-row export stays small in memory.
  void (async () => {
    try {
      for await (const d of iterateDonations(user, filters)) {
        const ok = csv.write(donationCsvRow(d, zone));
        if (!ok) await new Promise((resolve) => csv.once("drain", resolve));
      }
      csv.end();
    } catch (error) {
      csv.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const encoder = new TextEncoder();
      csv.on("data", (chunk: string | Buffer) =>
        controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : new Uint8Array(chunk)),
      );
      csv.on("end", () => controller.close());
      csv.on("error", (error) => controller.error(error));
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="donations-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
