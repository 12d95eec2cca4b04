import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <Link href="/" className="font-serif text-xl font-semibold text-accent-strong">
        Safe Passage
      </Link>
      <div className="mt-8">{children}</div>
    </main>
  );
}
