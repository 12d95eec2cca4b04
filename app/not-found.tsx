import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-prose px-4 py-16 text-center">
      <h1 className="font-serif text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-muted">The page you asked for does not exist or is not public.</p>
      <Link href="/" className="mt-6 inline-block text-accent underline">
        Back to the home page
      </Link>
    </main>
  );
}
