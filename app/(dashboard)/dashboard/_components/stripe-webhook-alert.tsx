// Admins only: Stripe webhook deliveries the app refused (an unsupported API version, an
// unreadable payload). Stripe retries them for three days, then gives up: say so loudly.
import { type Actor, mayUse } from "@/lib/auth/roles";
import { getWebhookHealth } from "@/lib/payments/staff-webhook-health";

const at = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export async function StripeWebhookAlert({ user }: { user: Actor }) {
  if (!mayUse(user.role, "admin")) return null;
  const { refusals, supportedApiVersions } = await getWebhookHealth(user);
  if (refusals.length === 0) return null;
  return (
    <div role="alert" className="mt-4 rounded border-2 border-warn bg-white p-3 text-sm">
      <p className="font-semibold text-warn">Stripe webhook deliveries are being refused: gifts may be missing.</p>
      <ul className="mt-2 list-disc pl-5">
        {refusals.map((r) => (
          <li key={`${r.reason}:${r.apiVersion}`}>
            {r.count} {r.count === 1 ? "delivery" : "deliveries"} since {at(r.firstAt)}, the last ({r.lastEventType}) at {at(r.lastAt)}:{" "}
            {r.reason === "api_version"
              ? `API version ${r.apiVersion} is not supported.`
              : `the payload (API version ${r.apiVersion}) lacks fields the app reads.`}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        In Stripe&apos;s dashboard (Developers → Webhooks), set this site&apos;s endpoint to API version{" "}
        <strong>{supportedApiVersions.pinned}</strong>. Stripe retries refused events for three days; resend older ones
        from the endpoint&apos;s event list.
      </p>
    </div>
  );
}
