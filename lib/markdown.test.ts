import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOSTILE_MARKDOWN } from "@/test/support/hostile-markdown";
import { renderMarkdown } from "./markdown";

const DANGEROUS_TAGS = /<\s*(script|iframe|style|svg|math|object|embed|form|frame|link|meta|base)\b/i;
const EVENT_HANDLER = /<[^>]+\son[a-z]+\s*=/i;

function urlAttributes(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action|formaction|xlink:href|data)\s*=\s*"([^"]*)"/gi)].map(
    (m) => m[1]!,
  );
}

describe("renderMarkdown", () => {
  it("renders ordinary markdown, GFM tables and links", () => {
    const html = renderMarkdown(
      "Hello **world**, see [our report](https://example.org/r).\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    );
    expect(html).toContain("<strong>world</strong>");
    expect(html).toContain('<a href="https://example.org/r">our report</a>');
    expect(html).toContain("<table>");
  });

  it("gives headings ids and wraps them in a link to themselves", () => {
    const html = renderMarkdown("## The route south\n\ntext\n\n## The route south");
    expect(html).toContain('<h2 id="the-route-south"><a href="#the-route-south">The route south</a></h2>');
    expect(html).toContain(
      '<h2 id="the-route-south-1"><a href="#the-route-south-1">The route south</a></h2>',
    );
  });

  it("keeps footnote links and their targets in agreement", () => {
    const html = renderMarkdown("A claim[^src].\n\n[^src]: The source.");
    const target = html.match(/<a href="#([^"]+)"[^>]*data-footnote-ref/)?.[1];
    expect(target).toBeTruthy();
    expect(html).toContain(`<li id="${target}">`);
  });

  it("renders the hostile corpus inert", () => {
    const html = renderMarkdown(HOSTILE_MARKDOWN);
    expect(html).not.toMatch(DANGEROUS_TAGS);
    expect(html).not.toMatch(EVENT_HANDLER);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\ssrcdoc\s*=/i);
    const urls = urlAttributes(html);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.trim()).not.toMatch(/^(javascript|data|vbscript):/i);
    // Escaped text stays text: shown to the reader, never parsed as a tag.
    expect(html).toContain("&#x3C;script>alert('escaped')&#x3C;/script>");
  });

  it("never emits a script tag or event handler, whatever the input", () => {
    const pieces = fc.constantFrom(
      "<script>",
      "</script>",
      "<img src=x onerror=alert(1)>",
      "[a](javascript:x)",
      "<svg onload=x>",
      "`",
      "*",
      "\n\n",
      "<",
      ">",
      '"',
      "'",
      "=",
      "on",
      "x",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        const html = renderMarkdown(parts.join(""));
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(EVENT_HANDLER);
        for (const url of urlAttributes(html))
          expect(url.trim()).not.toMatch(/^(javascript|data|vbscript):/i);
      }),
      { numRuns: 300 },
    );
  });
});
