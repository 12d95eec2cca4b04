// The donations CSV, one row per gift, for spreadsheets (Excel, LibreOffice, Google Sheets).
// Pure: the export route streams these rows through csv-stringify.
//
// Formula injection (OWASP "CSV Injection"): donors write their names and messages, and a cell
// starting with = + - @, a tab or a carriage return is run as a formula by spreadsheets
// (=HYPERLINK(...) sends whoever clicks it anywhere). Such a cell gets a leading apostrophe,
// which spreadsheets show as text. Separators and quotes cannot start a new cell inside a value:
// every cell is quoted (csv-stringify `quoted`) and quotes are doubled, so "a,=1+1" stays one
// cell that starts with "a". Leading spaces or line breaks before a formula character are
// treated the same way, since some spreadsheets trim them.
import { formatMajorPlain } from "@/lib/money";
import { toZonedDateTime } from "@/lib/time-zone";

const FORMULA_START = /^[\s]*[=+\-@]|^[\t\r\n]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type CsvDonation = {
  id: string;
  receivedAt: Date;
  campaign: { id: string; title: string };
  amount: bigint;
  refundedAmount: bigint;
  currency: string;
  status: string;
  method: string;
  frequency: string;
  donorName: string | null;
  donorEmail: string | null;
  displayName: string | null;
  anonymous: boolean;
  offlineReference: string | null;
  message: string | null;
  messageHidden: boolean;
};

/** Header of the export: amounts in major units ("1200.00"), with the currency beside them. */
export function donationCsvHeader(zone: string): string[] {
  return [
    "id",
    `received (${zone})`,
    "receivedAtUtc",
    "campaignId",
    "campaign",
    "amount",
    "refunded",
    "net",
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
}

const yesNo = (value: boolean) => (value ? "yes" : "no");

export function donationCsvRow(d: CsvDonation, zone: string): string[] {
  const counted = d.status === "succeeded" || d.status === "refunded";
  return [
    d.id,
    toZonedDateTime(d.receivedAt, zone).replace("T", " "),
    d.receivedAt.toISOString(),
    d.campaign.id,
    d.campaign.title,
    formatMajorPlain(d.amount, d.currency),
    formatMajorPlain(d.refundedAmount, d.currency),
    formatMajorPlain(counted ? d.amount - d.refundedAmount : 0n, d.currency),
    d.currency,
    d.status,
    d.method,
    d.frequency,
    d.donorName ?? "",
    d.donorEmail ?? "",
    d.displayName ?? "",
    yesNo(d.anonymous),
    d.offlineReference ?? "",
    d.message ?? "",
    yesNo(d.messageHidden),
  ].map(neutralizeCell);
}
