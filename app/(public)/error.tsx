"use client";

// Shown when a public page cannot be rendered, most often because the database is unreachable.
export default function PublicError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="status" className="mx-auto max-w-prose py-16 text-center">
      <h1 className="font-serif text-2xl font-semibold">This page is resting for a moment</h1>
      <p className="mt-3 text-muted">We could not load it just now. Please try again in a few seconds.</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-accent px-4 py-2 text-white">
        Try again
      </button>
    </div>
  );
}
