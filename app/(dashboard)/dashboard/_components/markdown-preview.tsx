"use client";
// The same sanitising pipeline the public pages use (lib/markdown.ts), loaded only when a
// coordinator opens a preview, so ordinary dashboard pages do not carry it.
import { useEffect, useState } from "react";

export function MarkdownPreview({ text, testId }: { text: string; testId: string }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    import("@/lib/markdown").then(({ renderMarkdown }) => {
      if (current) setHtml(renderMarkdown(text));
    });
    return () => {
      current = false;
    };
  }, [text]);
  return (
    <div
      data-testid={testId}
      aria-live="polite"
      className="prose mt-2 rounded border border-line bg-white p-3 text-sm"
      // Safe: renderMarkdown drops raw HTML and sanitises the rest (see lib/markdown.test.ts).
      dangerouslySetInnerHTML={{ __html: html ?? "<p>Preparing preview…</p>" }}
    />
  );
}
