// Issue 12, bug 5: what donors write must never run as a formula in a spreadsheet.
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "@/test/support/csv";
import { type CsvDonation, donationCsvHeader, donationCsvRow, neutralizeCell } from "./donation-csv";

const gift = (over: Partial<CsvDonation> = {}): CsvDonation => ({
  id: "cmgift1",
  receivedAt: new Date("2026-11-20T03:00:00Z"),
  campaign: { id: "cmcamp1", title: "Four people crossing" },
  amount: 120_000n,
  refundedAmount: 0n,
  currency: "USD",
  status: "succeeded",
  method: "card",
  frequency: "once",
  donorName: "K. H.",
  donorEmail: "k@example.org",
  displayName: "K. H.",
  anonymous: false,
  offlineReference: null,
  message: "Stay strong",
  messageHidden: false,
  ...over,
});

const column = (name: string) => donationCsvHeader("Asia/Tokyo").indexOf(name);

describe("donations CSV", () => {
  it("neutralises cells that start a formula, as OWASP describes", () => {
    for (const attack of ['=HYPERLINK("http://evil.example","click")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", " =1+1", "\n=1"]) {
      expect(neutralizeCell(attack), JSON.stringify(attack)).toBe(`'${attack}`);
    }
    for (const safe of ["Stay strong", "5,000 yen", "a=b", "K. H.", "", "'quoted"]) expect(neutralizeCell(safe)).toBe(safe);
  });

  it("writes amounts in major units beside the currency, booleans as yes/no, times in the site zone", () => {
    const row = donationCsvRow(gift({ refundedAmount: 20_000n, anonymous: true }), "Asia/Tokyo");
    expect(row[column("amount")]).toBe("1200.00");
    expect(row[column("refunded")]).toBe("200.00");
    expect(row[column("net")]).toBe("1000.00");
    expect(row[column("currency")]).toBe("USD");
    expect(row[column("anonymous")]).toBe("yes");
    expect(row[column("messageHidden")]).toBe("no");
    expect(row[column("received (Asia/Tokyo)")]).toBe("2026-11-20 12:00");
    expect(row[column("receivedAtUtc")]).toBe("2026-11-20T03:00:00.000Z");
    const yen = donationCsvRow(gift({ amount: 5_000n, currency: "JPY" }), "UTC");
    expect(yen[column("amount")]).toBe("5000");
    expect(donationCsvRow(gift({ status: "voided" }), "UTC")[column("net")]).toBe("0.00");
  });

  it("keeps every hostile name and message one inert cell once written and read back", () => {
    const cellText = fc.stringMatching(/^[=+\-@\t\r\n ,;"'a-z0-9()|!]{0,30}$/);
    fc.assert(
      fc.property(cellText, cellText, (donorName, message) => {
        const row = donationCsvRow(gift({ donorName, message, displayName: message }), "UTC");
        const text = stringify([donationCsvHeader("UTC"), row], { quoted: true });
        const [, back] = parseCsv(text);
        expect(back).toHaveLength(row.length);
        for (const value of back!) expect(value).not.toMatch(/^[\s]*[=+\-@]|^[\t\r\n]/);
        // Nothing is lost: the text read back is the donor's, behind the apostrophe when one was added.
        const read = back![column("donorName")]!;
        expect(read === donorName || read === `'${donorName}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
