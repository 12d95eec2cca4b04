import type { SafeHtml } from "@/lib/markdown";

/**
 * Untrusted markdown, already rendered and sanitised by lib/markdown.ts. Public reads render it
 * once, inside their cache (lib/data/campaigns, lib/data/posts), not on every request: the
 * markdown pipeline cost more than the rest of the page's render (see docs/performance.md).
 */
export function MarkdownBody({ html, className = "" }: { html: SafeHtml; className?: string }) {
  // Safe: renderMarkdown drops raw HTML and sanitises the rest (see lib/markdown.test.ts).
  return <div className={`prose ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
