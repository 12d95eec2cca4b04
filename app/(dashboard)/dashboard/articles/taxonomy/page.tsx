import { ROLES } from "@/lib/auth/roles";
import { listTaxonomy } from "@/lib/posts/edit-taxonomy";
import { requireRole } from "@/lib/auth/session";
import { ActionForm, TextField } from "../../_components/form";
import { createCategoryAction, createSeriesAction } from "../actions";

export default async function TaxonomyPage() {
  await requireRole(...ROLES.articles);
  const { categories, series } = await listTaxonomy();
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">Categories and series</h1>
      <div className="mt-6 grid gap-10 md:grid-cols-2">
        <section aria-labelledby="categories">
          <h2 id="categories" className="text-lg font-semibold">
            Categories
          </h2>
          <ul className="my-3 list-disc pl-5">
            {categories.map((c) => (
              <li key={c.id}>
                {c.name} <span className="text-muted">({c._count.posts})</span>
              </li>
            ))}
          </ul>
          <ActionForm action={createCategoryAction} submitLabel="Add category">
            <TextField name="name" label="Name" />
            <TextField name="slug" label="Address (slug)" />
            <TextField name="description" label="Description" />
          </ActionForm>
        </section>
        <section aria-labelledby="series">
          <h2 id="series" className="text-lg font-semibold">
            Series
          </h2>
          <ul className="my-3 list-disc pl-5">
            {series.map((s) => (
              <li key={s.id}>
                {s.title} <span className="text-muted">({s._count.posts})</span>
              </li>
            ))}
          </ul>
          <ActionForm action={createSeriesAction} submitLabel="Add series">
            <TextField name="title" label="Title" />
            <TextField name="slug" label="Address (slug)" />
            <TextField name="description" label="Description" />
          </ActionForm>
        </section>
      </div>
    </>
  );
}
