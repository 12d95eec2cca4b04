// GET /dashboard/donations/export – CSV of exactly the donations the current filters select (coordinators, admins).
import { stringify } from "csv-stringify";
import { ROLES } from "@/lib/auth/roles";
import { iterateDonations, parseDonationFilters } from "@/lib/donations/staff-donations";
import { AppError } from "@/lib/errors";
import { authorizeRole } from "@/lib/auth/session";

const COLUMNS = [
  "id",
  "receivedAt",
  "campaignId",
  "campaign",
  "amount",
  "refundedAmount",
  "currency",
  "status",
  "method",
  "frequency",
  "donorName",
  "donorEmail",
  "displayName",
  "anonymous",
  "offlineReference",
  "message",
  "messageHidden",
];

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
  const csv = stringify({ header: true, columns: COLUMNS });
  // Rows are read a batch at a time and streamed, so a 100 000-row export stays small in memory.
  void (async () => {
    try {
      for await (const d of iterateDonations(user, filters)) {
        const ok = csv.write([
          d.id,
          d.receivedAt.toISOString(),
          d.campaign.id,
          d.campaign.title,
          d.amount,
          d.refundedAmount,
          d.currency,
          d.status,
          d.method,
          d.frequency,
          d.donorName ?? "",
          d.donorEmail ?? "",
          d.displayName ?? "",
          d.anonymous,
          d.offlineReference ?? "",
          d.message ?? "",
          d.messageHidden,
        ]);
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
