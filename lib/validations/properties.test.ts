// Property tests: whatever a browser (or a script) posts, every form schema, the donate form
// parser and the money functions either return a value that keeps the documented invariants or a
// field error. None of them may throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toMajorText, toMinorUnits } from "@/lib/actions/form-fields";
import {
  amountLimits,
  formatMajorPlain,
  formatMoney,
  MAX_STORED_MINOR,
  grossUp,
  feeFor,
  feeRuleFor,
  parseMajorAmount,
  progressPercent,
  SUPPORTED_CURRENCIES,
} from "@/lib/money";
import { beneficiaryCreateSchema, beneficiaryDeleteSchema, beneficiaryUpdateSchema } from "./beneficiary";
import { campaignCreateSchema, campaignStatusSchema, campaignUpdateSchema } from "./campaign";
import { parseDonationForm } from "./donation";
import { missionMoveSchema, missionNoteSchema } from "./mission";
import { donationMessageSchema, refundSchema } from "./donation-staff";
import { offlineDonationSchema, offlineDonationUpdateSchema, offlineDonationVoidSchema } from "./offline-gift";
import {
  postCreateSchema,
  postPublishSchema,
  postUpdateSchema,
  taxonDeleteSchema,
  taxonSchema,
  taxonUpdateSchema,
} from "./post";
import {
  acceptInviteSchema,
  clearAddressBlockSchema,
  clearUserBlockSchema,
  emailSchema,
  inviteSchema,
  passwordSchema,
  setDisabledSchema,
  setRoleSchema,
  signOutEverywhereSchema,
} from "./user";
import type { z } from "zod";

const RUNS = { numRuns: 250 };
const HUGE = "x".repeat(1_000_000);

/** Text nobody should type, and text people do type that looks like an attack. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      "\u0000",
      "\u0007",
      "\u001b",
      "\u202e",
      "\ud800",
      "\udfff",
      "\ufeff",
      " ",
      "\t",
      "\n",
      "a",
      "1",
      ".",
      ",",
      "-",
      "@",
    ),
    maxLength: 40,
  }),
  fc.constantFrom(
    HUGE,
    '\'; DROP TABLE "Donation"; --',
    "1 OR 1=1",
    '\' UNION SELECT "privateName" FROM "Beneficiary" --',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "0x1F",
    "９９９",
    "5,000.00",
    "999999999999.99",
    "2026-02-30",
    "",
    "   ",
  ),
  fc.double().map(String),
  fc.stringMatching(/^\d{1,12}(\.\d{1,2})?$/),
  fc.bigInt().map(String),
  fc.integer().map(String),
);

/** What a field may arrive as: FormData gives strings (arrays for repeated names); scripts send anything. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
  },
  { weight: 1, arbitrary: fc.object({ maxDepth: 2 }) },
);

/** A valid form with some fields replaced, removed or added: both success and failure paths run. */
function formFrom(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = [...Object.keys(valid), "extra", "__proto__", "constructor"];
  const mutated = fc
    .dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: 4 })
    .map((changes) => ({ ...valid, ...changes }));
  return fc.oneof(mutated, fc.constant(valid), anyValue);
}

/** PostgreSQL text cannot hold NUL; other C0 controls are never meant in a form field. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function expectNoControlCharacters(value: unknown, path = "value"): void {
  if (typeof value === "string")
    expect(CONTROL.test(value), `${path}: ${JSON.stringify(value.slice(0, 40))}`).toBe(false);
  else if (Array.isArray(value)) value.forEach((v, i) => expectNoControlCharacters(v, `${path}[${i}]`));
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) expectNoControlCharacters(v, `${path}.${k}`);
  }
}

const trimmedWithin = (value: unknown, max: number) =>
  typeof value === "string" && value.length <= max && value === value.trim();

type Case = { schema: z.ZodType; valid: Record<string, unknown>; check?: (data: never) => void };

const campaign = {
  title: "T",
  slug: "t-1",
  summary: "S",
  story: "",
  goal: "5000",
  currency: "JPY",
  deadline: "",
  peopleCount: "2",
};
const post = {
  title: "T",
  slug: "t-1",
  excerpt: "",
  body: "B",
  categoryId: "cat",
  seriesId: "",
  seriesPart: "",
};

const CASES: Record<string, Case> = {
  beneficiaryCreate: {
    schema: beneficiaryCreateSchema,
    valid: {
      campaignId: "c1",
      publicLabel: "A. B.",
      privateName: "",
      privateLocation: "",
      privateContact: "",
      privateNotes: "",
    },
    check: (d: { publicLabel: string; privateNotes: string }) => {
      expect(trimmedWithin(d.publicLabel, 200) && d.publicLabel.length > 0).toBe(true);
      expect(trimmedWithin(d.privateNotes, 5_000)).toBe(true);
    },
  },
  beneficiaryUpdate: { schema: beneficiaryUpdateSchema, valid: { id: "b1", version: "1", publicLabel: "A. B." } },
  beneficiaryDelete: { schema: beneficiaryDeleteSchema, valid: { id: "b1" } },
  campaignCreate: {
    schema: campaignCreateSchema,
    valid: campaign,
    check: (d: { goalAmount: bigint; peopleCount: number; slug: string; title: string }) => {
      expect(typeof d.goalAmount === "bigint" && d.goalAmount > 0n && d.goalAmount <= MAX_STORED_MINOR).toBe(
        true,
      );
      expect(Number.isInteger(d.peopleCount) && d.peopleCount >= 0 && d.peopleCount <= 100_000).toBe(true);
      expect(d.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(trimmedWithin(d.title, 140)).toBe(true);
    },
  },
  campaignUpdate: {
    schema: campaignUpdateSchema,
    valid: { ...campaign, id: "c1", version: "1" },
    check: (d: { goalAmount: bigint; version: number }) => {
      expect(d.goalAmount <= MAX_STORED_MINOR && Number.isSafeInteger(d.version) && d.version >= 1).toBe(
        true,
      );
    },
  },
  campaignStatus: { schema: campaignStatusSchema, valid: { id: "c1", version: "1", status: "published" } },
  missionMove: {
    schema: missionMoveSchema,
    valid: { campaignId: "c1", fromStage: "awaiting_funds", stage: "funded", publicNote: "", privateNote: "", publishAt: "" },
    check: (d: { publishAt?: Date }) => {
      if (d.publishAt) expect(Number.isNaN(d.publishAt.getTime())).toBe(false);
    },
  },
  missionNote: {
    schema: missionNoteSchema,
    valid: { campaignId: "c1", publicNote: "News", privateNote: "", publishAt: "2026-12-01T10:00" },
    check: (d: { publishAt?: Date }) => {
      if (d.publishAt) expect(Number.isNaN(d.publishAt.getTime())).toBe(false);
    },
  },
  offlineDonation: {
    schema: offlineDonationSchema,
    valid: { campaignId: "c1", method: "cash", receivedOn: "2026-11-01", reference: "R1", amount: "100" },
    check: (d: { amount: string; receivedOn: Date }) => {
      expect(Number.isNaN(d.receivedOn.getTime())).toBe(false);
      for (const currency of SUPPORTED_CURRENCIES) {
        const minor = toMinorUnits(d.amount, currency);
        if (minor !== null)
          expect(typeof minor === "bigint" && minor >= 0n && minor <= MAX_STORED_MINOR).toBe(true);
      }
    },
  },
  offlineDonationUpdate: {
    schema: offlineDonationUpdateSchema,
    valid: { id: "d1", version: "2026-11-01T00:00:00.000Z", campaignId: "c1", method: "cash", receivedOn: "2026-11-01", reference: "R1", amount: "¥1,000" },
  },
  offlineDonationVoid: {
    schema: offlineDonationVoidSchema,
    valid: { id: "d1", version: "2026-11-01T00:00:00.000Z", reason: "Twice", confirmed: "yes" },
  },
  donationMessage: { schema: donationMessageSchema, valid: { id: "d1", hidden: "1" } },
  refund: { schema: refundSchema, valid: { id: "d1", amount: "" } },
  postCreate: {
    schema: postCreateSchema,
    valid: post,
    check: (d: { campaignIds: string[]; seriesPart?: number; body: string }) => {
      expect(Array.isArray(d.campaignIds) && d.campaignIds.length <= 50).toBe(true);
      if (d.seriesPart !== undefined) expect(Number.isInteger(d.seriesPart)).toBe(true);
      expect(trimmedWithin(d.body, 100_000)).toBe(true);
    },
  },
  postUpdate: { schema: postUpdateSchema, valid: { ...post, id: "p1", version: "2" } },
  postPublish: { schema: postPublishSchema, valid: { id: "p1", version: "1", publish: "1", publishAt: "2026-12-01T10:00" } },
  taxon: { schema: taxonSchema, valid: { kind: "series", name: "N", slug: "n-1", description: "" } },
  taxonUpdate: { schema: taxonUpdateSchema, valid: { id: "t1", kind: "category", name: "N", slug: "n-1", description: "" } },
  taxonDelete: { schema: taxonDeleteSchema, valid: { id: "t1", kind: "category", confirmed: "yes" } },
  invite: {
    schema: inviteSchema,
    valid: { email: "a@example.org", role: "editor" },
    check: (d: { email: string }) => expect(d.email).toBe(d.email.toLowerCase()),
  },
  acceptInvite: {
    schema: acceptInviteSchema,
    valid: {
      token: "t".repeat(43),
      name: "A. K.",
      password: "long enough password",
      confirm: "long enough password",
    },
    check: (d: { password: string; confirm: string }) => expect(d.password).toBe(d.confirm),
  },
  setRole: { schema: setRoleSchema, valid: { userId: "u1", role: "admin" } },
  setDisabled: { schema: setDisabledSchema, valid: { userId: "u1", disabled: "1" } },
  clearUserBlock: { schema: clearUserBlockSchema, valid: { userId: "u1" } },
  clearAddressBlock: { schema: clearAddressBlockSchema, valid: { address: "203.0.113.9" } },
  signOutEverywhere: { schema: signOutEverywhereSchema, valid: {} },
};

describe("every form schema, fed anything", () => {
  for (const [name, { schema, valid, check }] of Object.entries(CASES)) {
    it(`${name}: a value that keeps its invariants, or issues with messages — never a throw`, () => {
      expect(schema.safeParse(valid).success).toBe(true);
      fc.assert(
        fc.property(formFrom(valid), (input) => {
          const result = schema.safeParse(input);
          if (result.success) {
            check?.(result.data as never);
            if (name !== "acceptInvite") expectNoControlCharacters(result.data);
          } else for (const issue of result.error.issues) expect(issue.message.length).toBeGreaterThan(0);
        }),
        RUNS,
      );
    });
  }

  it("e-mail and password fields alone", () => {
    fc.assert(
      fc.property(anyValue, (input) => {
        const email = emailSchema.safeParse(input);
        if (email.success) expect(email.data).toMatch(/^[^\s@]+@[^\s@]+$/);
        const password = passwordSchema.safeParse(input);
        if (password.success) expect(password.data.length).toBeGreaterThanOrEqual(12);
      }),
      RUNS,
    );
  });
});

const donateForm = {
  amount: "custom",
  customAmount: "5000",
  frequency: "once",
  email: "",
  displayName: "",
  message: "",
};
const FORM_FIELDS = new Set([
  "amount",
  "customAmount",
  "frequency",
  "coverFees",
  "anonymous",
  "displayName",
  "message",
  "email",
  "form",
]);

describe("the donate form parser", () => {
  it("returns a gift within the currency's limits or a message per field, in every currency", () => {
    const strings = fc.dictionary(
      fc.constantFrom(...Object.keys(donateForm), "coverFees", "anonymous"),
      hostileString,
      {
        maxKeys: 4,
      },
    );
    fc.assert(
      fc.property(fc.constantFrom(...SUPPORTED_CURRENCIES), strings, (currency, changes) => {
        const result = parseDonationForm(currency, { ...donateForm, ...changes });
        if (!result.success) {
          expect(Object.keys(result.fieldErrors).length).toBeGreaterThan(0);
          for (const [field, message] of Object.entries(result.fieldErrors)) {
            expect(FORM_FIELDS.has(field), field).toBe(true);
            expect(message.length).toBeGreaterThan(0);
          }
          return;
        }
        expectNoControlCharacters(result.data);
        const { gift, charged, displayName, message, donorEmail, anonymous } = result.data;
        const { min, max } = amountLimits(currency);
        expect(typeof gift === "bigint" && gift >= min && gift <= max).toBe(true);
        expect(typeof charged === "bigint" && charged >= gift && charged <= MAX_STORED_MINOR).toBe(true);
        expect(displayName === null || trimmedWithin(displayName, 60)).toBe(true);
        expect(message === null || trimmedWithin(message, 500)).toBe(true);
        expect(donorEmail === null || donorEmail === donorEmail.toLowerCase()).toBe(true);
        if (anonymous) expect(displayName).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});

describe("money functions", () => {
  it("parseMajorAmount gives an integer in range or a message, and reads back what formatMajorPlain writes", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUPPORTED_CURRENCIES), hostileString, (currency, text) => {
        const parsed = parseMajorAmount(text, currency);
        if (parsed.ok)
          expect(typeof parsed.minor === "bigint" && parsed.minor >= 0n && parsed.minor <= 99_999_999n).toBe(
            true,
          );
        else expect(parsed.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...SUPPORTED_CURRENCIES),
        fc.bigInt({ min: 0n, max: 99_999_999n }),
        (currency, minor) => {
          expect(parseMajorAmount(formatMajorPlain(minor, currency), currency)).toEqual({ ok: true, minor });
          expect(parseMajorAmount(formatMoney(minor, currency), currency)).toEqual({ ok: true, minor });
          expect(toMinorUnits(toMajorText(minor, currency), currency)).toBe(minor);
        },
      ),
      RUNS,
    );
  });

  it("covering the fee always leaves the NGO at least the gift", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SUPPORTED_CURRENCIES),
        fc.bigInt({ min: 1n, max: 5_000_000n }),
        (currency, amount) => {
          const rule = feeRuleFor(currency);
          const gross = grossUp(amount, rule);
          expect(gross >= amount).toBe(true);
          expect(gross - feeFor(gross, rule)).toBeGreaterThanOrEqual(amount);
        },
      ),
      RUNS,
    );
  });

  it("progressPercent stays within 0–100 for any integers", () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt(), (raised, goal) => {
        const p = progressPercent(raised, goal);
        expect(Number.isInteger(p) && p >= 0 && p <= 100).toBe(true);
      }),
      RUNS,
    );
  });
});
