import { CheckboxGroup, SelectField, TextArea, TextField } from "../_components/form";

type Choices = {
  categories: { id: string; name: string }[];
  series: { id: string; title: string }[];
  campaigns: { id: string; title: string }[];
  posts: { id: string; title: string }[];
};

export type PostDefaults = {
  id: string;
  title: string;
  slug: string;
  excerpt: string;
  body: string;
  categoryId: string;
  seriesId: string | null;
  seriesPart: number | null;
  campaigns: { campaignId: string }[];
  seeAlso: { toId: string }[];
};

export function PostFields({ post, choices }: { post?: PostDefaults; choices: Choices }) {
  return (
    <>
      <TextField name="title" label="Title" defaultValue={post?.title} />
      <TextField name="slug" label="Address (slug)" defaultValue={post?.slug} />
      <TextArea name="excerpt" label="Excerpt" rows={2} defaultValue={post?.excerpt} />
      <TextArea name="body" label="Body (Markdown)" rows={14} defaultValue={post?.body} preview />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          name="categoryId"
          label="Category"
          defaultValue={post?.categoryId ?? choices.categories[0]?.id ?? ""}
          options={choices.categories.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          name="seriesId"
          label="Series"
          defaultValue={post?.seriesId ?? ""}
          options={[
            { value: "", label: "None" },
            ...choices.series.map((s) => ({ value: s.id, label: s.title })),
          ]}
        />
        <TextField
          name="seriesPart"
          label="Part"
          type="number"
          defaultValue={post?.seriesPart ? String(post.seriesPart) : ""}
        />
      </div>
      <CheckboxGroup
        name="campaignIds"
        legend="Linked campaigns"
        options={choices.campaigns.map((c) => ({ value: c.id, label: c.title }))}
        defaultValues={post?.campaigns.map((c) => c.campaignId)}
      />
      <CheckboxGroup
        name="seeAlsoIds"
        legend="See also"
        options={choices.posts.filter((p) => p.id !== post?.id).map((p) => ({ value: p.id, label: p.title }))}
        defaultValues={post?.seeAlso.map((l) => l.toId)}
      />
    </>
  );
}
