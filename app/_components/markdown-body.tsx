import { renderMarkdown } from "@/lib/markdown";

/** Untrusted markdown, sanitised by lib/markdown.ts, rendered on the server. */
export function MarkdownBody({ markdown, className = "" }: { markdown: string; className?: string }) {
  // Safe: renderMarkdown drops raw HTML and sanitises the rest (see lib/markdown.test.ts).
  return (
    <div className={`prose ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }} />
  );
}
