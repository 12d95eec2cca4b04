import Link from "next/link";
import { mayUse } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { signOutEverywhereAction } from "./actions";
import { ActionForm } from "./_components/form";
import { SignOutButton } from "./_components/sign-out-button";

export const metadata = { title: "Dashboard", robots: { index: false } };

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const links = [
    { href: "/dashboard", label: "Overview", show: true },
    { href: "/dashboard/campaigns", label: "Campaigns", show: mayUse(user.role, "campaigns") },
    { href: "/dashboard/articles", label: "Articles", show: mayUse(user.role, "articles") },
    { href: "/dashboard/donations", label: "Donations", show: mayUse(user.role, "donations") },
    { href: "/dashboard/users", label: "Users", show: mayUse(user.role, "admin") },
    { href: "/dashboard/audit", label: "Audit log", show: mayUse(user.role, "admin") },
  ].filter((l) => l.show);
  return (
    <div className="min-h-screen">
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/dashboard" className="font-serif text-lg font-semibold text-accent-strong">
            Safe Passage
          </Link>
          <nav aria-label="Dashboard" className="flex flex-wrap gap-4 text-sm">
            {links.map((l) => (
              <Link key={l.href} href={l.href} className="hover:underline">
                {l.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm text-muted">
            <span data-testid="signed-in-as">
              {user.name} · {user.role}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-sm">
        <details>
          <summary className="cursor-pointer text-muted">Lost a device? End every session</summary>
          <div className="mt-2">
            <ActionForm action={signOutEverywhereAction} submitLabel="Sign out everywhere" />
          </div>
        </details>
      </footer>
    </div>
  );
}
