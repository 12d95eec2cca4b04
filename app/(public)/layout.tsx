import Link from "next/link";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-line bg-white">
        <nav
          aria-label="Main"
          className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3"
        >
          <Link href="/" className="font-serif text-xl font-semibold text-accent-strong">
            Safe Passage
          </Link>
          <ul className="flex gap-5 text-sm font-medium">
            <li>
              <Link href="/campaigns" className="hover:underline">
                Campaigns
              </Link>
            </li>
            <li>
              <Link href="/news" className="hover:underline">
                News
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <footer className="border-t border-line">
        <div className="mx-auto flex max-w-5xl flex-wrap gap-x-6 gap-y-2 px-4 py-6 text-sm text-muted">
          <p>Safe Passage funds rescue missions and never publishes who the people it protects are.</p>
          <a href="/feed.xml" className="underline">
            News feed (Atom)
          </a>
        </div>
      </footer>
    </>
  );
}
