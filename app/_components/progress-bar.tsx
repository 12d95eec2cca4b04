import { formatMoney, progressPercent } from "@/lib/money";

/**
 * Accessible progress toward a campaign's goal: a native <progress> with a visible label
 * and the amounts in words. Server component, no client JS.
 */
export function ProgressBar({
  raised,
  goal,
  currency,
  id,
}: {
  raised: bigint;
  goal: bigint;
  currency: string;
  /** Unique within the page, ties the label to the bar. */
  id: string;
}) {
  const percent = progressPercent(raised, goal);
  const labelId = `${id}-label`;
  return (
    <div className="mt-3">
      <p id={labelId} className="flex flex-wrap justify-between gap-x-3 text-sm">
        <span>
          <strong className="text-base text-ink">{formatMoney(raised, currency)}</strong> raised of{" "}
          {formatMoney(goal, currency)}
        </span>
        <span className="text-muted">{percent}%</span>
      </p>
      <progress
        id={id}
        aria-labelledby={labelId}
        max={100}
        value={percent}
        className="progress mt-1 block h-3 w-full overflow-hidden rounded-full"
      >
        {percent}%
      </progress>
    </div>
  );
}
