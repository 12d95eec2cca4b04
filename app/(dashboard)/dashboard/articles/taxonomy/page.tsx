import { ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { listTaxonomy, type TaxonRow } from "@/lib/posts/staff-taxonomy";
import { ActionForm, Hidden, TextField } from "../../_components/form";
import { createTaxonAction } from "../actions";

const KINDS = {
  category: { heading: "Categories", add: "Add category", name: "Name" },
  series: { heading: "Series", add: "Add series", name: "Title" },
} as const;

function TaxonSection({ kind, rows }: { kind: keyof typeof KINDS; rows: TaxonRow[] }) {
  const text = KINDS[kind];
  return (
    <section aria-labelledby={kind}>
      <h2 id={kind} className="text-lg font-semibold">
        {text.heading}
      </h2>
      <ul className="my-3 list-disc pl-5">
        {rows.map((row) => (
          <li key={row.id}>
            {row.name} <span className="text-muted">({row.posts})</span>
          </li>
        ))}
      </ul>
      <ActionForm action={createTaxonAction} submitLabel={text.add}>
        <Hidden name="kind" value={kind} />
        <TextField name="name" label={text.name} />
        <TextField name="slug" label="Address (slug)" />
        <TextField name="description" label="Description" />
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
