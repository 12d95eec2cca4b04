// Markdown (campaign stories, articles) to safe HTML. Raw HTML in the source is dropped by
// remark-rehype, and rehype-sanitize (GitHub's schema) then removes anything scriptable:
// event handlers, javascript:/data: URLs, iframes, style. Heading ids and their anchor links are
// added AFTER sanitising, from the heading text, so the sanitiser cannot rename them.
// The only ids an author can choose are footnote names, and remark-rehype already gives those the
// "user-content-" clobber prefix; the sanitiser must not add it a second time (it would break the
// footnote links), so its clobber list is emptied.
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, { ...defaultSchema, clobber: [] })
  .use(rehypeSlug)
  // "wrap" makes the heading text itself the link: no empty, unlabelled icon links.
  .use(rehypeAutolinkHeadings, { behavior: "wrap" })
  .use(rehypeStringify)
  .freeze();

/** HTML that came out of renderMarkdown (sanitised); the only HTML MarkdownBody accepts. */
export type SafeHtml = string & { readonly __safeHtml: true };

/** Renders untrusted markdown to HTML that is safe to inject with dangerouslySetInnerHTML. */
export function renderMarkdown(markdown: string): SafeHtml {
  return String(processor.processSync(markdown)) as SafeHtml;
}
