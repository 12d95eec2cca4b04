import { ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { listTaxonomy, type TaxonRow } from "@/lib/posts/staff-taxonomy";
import { ActionForm, Hidden, TextField } from "../../_components/form";
import { createTaxonAction, deleteTaxonAction, updateTaxonAction } from "../actions";

const KINDS = {
  category: { heading: "Categories", add: "Add category", name: "Name", one: "category" },
  series: { heading: "Series", add: "Add series", name: "Title", one: "series" },
} as const;

type Kind = keyof typeof KINDS;

function Fields({ kind, row }: { kind: Kind; row?: TaxonRow }) {
  return (
    <>
      <Hidden name="kind" value={kind} />
      <TextField name="name" label={KINDS[kind].name} defaultValue={row?.name} />
      <TextField name="slug" label="Address (slug)" defaultValue={row?.slug} />
      <TextField name="description" label="Description" defaultValue={row?.description} />
    </>
  );
}

function TaxonItem({ kind, row }: { kind: Kind; row: TaxonRow }) {
  return (
    <li className="rounded border border-line bg-white p-3" data-testid="taxon">
      <details>
        <summary className="cursor-pointer">
          {row.name}{" "}
          <span className="text-muted">
            ({row.posts === 1 ? "1 article" : `${row.posts} articles`})
          </span>
        </summary>
        <div className="mt-3 grid gap-4">
          <ActionForm action={updateTaxonAction} submitLabel={`Save ${KINDS[kind].one}`}>
            <Hidden name="id" value={row.id} />
            <Fields kind={kind} row={row} />
          </ActionForm>
          <ActionForm action={deleteTaxonAction} submitLabel={`Delete ${KINDS[kind].one}…`}>
            <Hidden name="kind" value={kind} />
            <Hidden name="id" value={row.id} />
            {row.posts > 0 && (
              <p className="text-sm text-muted">
                In use: a {KINDS[kind].one} can be deleted once no article uses it.
              </p>
            )}
          </ActionForm>
        </div>
      </details>
    </li>
  );
}

function TaxonSection({ kind, rows }: { kind: Kind; rows: TaxonRow[] }) {
  const text = KINDS[kind];
  return (
    <section aria-labelledby={kind}>
      <h2 id={kind} className="text-lg font-semibold">
        {text.heading}
      </h2>
      <ul className="my-3 grid gap-2">
        {rows.map((row) => (
          <TaxonItem key={row.id} kind={kind} row={row} />
        ))}
      </ul>
      <h3 className="mt-4 font-semibold">{text.add}</h3>
      <ActionForm action={createTaxonAction} submitLabel={text.add}>
        <Fields kind={kind} />
      </ActionForm>
    </section>
  );
}

export default async function TaxonomyPage() {
  const user = await requireRole(...ROLES.articles);
  const taxonomy = await listTaxonomy(user);
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">Categories and series</h1>
      <div className="mt-6 grid gap-10 md:grid-cols-2">
        <TaxonSection kind="category" rows={taxonomy.category} />
        <TaxonSection kind="series" rows={taxonomy.series} />
      </div>
    </>
  );
}
