import Link from "next/link";

// Inside the public layout (the layout provides <main>): drafts, scheduled articles and unknown
// slugs all answer this, so a hidden page looks exactly like one that does not exist.
export default function PublicNotFound() {
  return (
    <div className="mx-auto max-w-prose py-16 text-center">
      <h1 className="font-serif text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-muted">The page you asked for does not exist or is not public.</p>
      <p className="mt-6 flex justify-center gap-6">
        <Link href="/campaigns" className="text-accent-strong underline">
          Campaigns
        </Link>
        <Link href="/news" className="text-accent-strong underline">
          News
        </Link>
      </p>
    </div>
  );
}
