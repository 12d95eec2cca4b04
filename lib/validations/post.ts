import { z } from "zod";
import {
  confirmed,
  id,
  idList,
  optionalSiteDateTime,
  optionalText,
  required,
  slug,
  version,
} from "@/lib/actions/form-fields";

const optionalId = z.preprocess((v) => (v === "" ? undefined : v), id.optional());

const fields = z.object({
  title: required(200),
  slug,
  excerpt: optionalText(500),
  body: required(100_000),
  categoryId: id,
  seriesId: optionalId,
  seriesPart: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    z.coerce.number({ error: "Enter a number." }).int().min(1).max(1000).optional(),
  ),
  campaignIds: idList,
  seeAlsoIds: idList,
});

function seriesPartNeedsSeries<T extends z.infer<typeof fields>>(value: T, ctx: z.RefinementCtx) {
  if (value.seriesPart !== undefined && !value.seriesId) {
    ctx.addIssue({ code: "custom", path: ["seriesPart"], message: "Choose a series for the part number." });
  }
}

export const postCreateSchema = fields.superRefine(seriesPartNeedsSeries);
export const postUpdateSchema = fields.extend({ id, version }).superRefine(seriesPartNeedsSeries);
/** Publish ("1", at `publishAt` in the site's zone, or at once) or unpublish ("0"). */
export const postPublishSchema = z.object({ id, version, publish: z.enum(["1", "0"]), publishAt: optionalSiteDateTime });
const taxonKind = z.enum(["category", "series"]);
export type TaxonKind = z.output<typeof taxonKind>;

/** A category or a series: the same fields, told apart by `kind`. */
export const taxonSchema = z.object({
  kind: taxonKind,
  name: required(120),
  slug,
  description: optionalText(500),
});
export const taxonUpdateSchema = taxonSchema.extend({ id });
export const taxonDeleteSchema = z.object({ kind: taxonKind, id, confirmed });
export type TaxonInput = z.output<typeof taxonSchema>;

export type PostInput = z.output<typeof postCreateSchema>;
