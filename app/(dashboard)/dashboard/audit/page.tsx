import Link from "next/link";
import { ROLES } from "@/lib/auth/roles";
import { listAuditEntries } from "@/lib/audit/list-audit";
import { requireRole } from "@/lib/auth/session";
import { SiteTime } from "../_components/site-time";

type Search = Promise<Record<string, string | string[] | undefined>>;

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** "field: before → after", or "field: changed" for a private field whose values are never logged. */
function changeRows(changes: unknown): [string, string][] {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, { before?: unknown; after?: unknown; changed?: boolean }>).map(
    ([field, c]) => [field, c?.changed ? "changed (private: value not logged)" : `${show(c?.before)} → ${show(c?.after)}`],
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const user = await requireRole(...ROLES.admin);
  const { before } = await searchParams;
  const beforeId = typeof before === "string" && /^\d{1,19}$/.test(before) ? BigInt(before) : undefined;
  const { entries, nextBefore } = await listAuditEntries(user, beforeId);
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">Audit log</h1>
      <p className="text-sm text-muted">
        Every change made in the dashboard. Entries can never be edited or deleted.
      </p>
      <ol className="mt-6 grid gap-3">
        {entries.map((e) => (
          <li
            key={e.id.toString()}
            className="rounded border border-line bg-white p-3 text-sm"
            data-testid="audit-entry"
          >
            <p>
              <span className="font-medium">{e.action}</span> · {e.entityType} {e.entityId} ·{" "}
              {e.actor?.name ?? "system"} · <SiteTime date={e.createdAt} />
            </p>
            <ul className="mt-1 grid gap-0.5">
              {changeRows(e.changes).map(([field, text]) => (
                <li key={field} className="break-words">
                  {field}: {text}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <nav className="mt-4 flex gap-4" aria-label="Pages">
        {beforeId && (
          <Link href="/dashboard/audit" className="text-accent underline">
            Newest
          </Link>
        )}
        {nextBefore && (
          <Link href={`/dashboard/audit?before=${nextBefore}`} className="text-accent underline">
            Older entries
          </Link>
        )}
      </nav>
    </>
  );
}
