// Server-rendered SVG bar chart: no client JavaScript, readable without colour, with a text summary.
export function BarChart({ data, label }: { data: { day: string; count: number }[]; label: string }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const width = data.length * 8;
  const height = 120;
  const total = data.reduce((sum, d) => sum + d.count, 0);
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} ${height + 2}`}
        className="h-40 w-full"
        role="img"
        aria-label={`${label}: ${total} in total`}
      >
        {data.map((d, i) => {
          const h = Math.round((d.count / max) * height);
          return (
            <rect key={d.day} x={i * 8 + 1} y={height - h} width={6} height={h} className="fill-accent">
              <title>{`${d.day}: ${d.count}`}</title>
            </rect>
          );
        })}
        <line x1={0} x2={width} y1={height + 1} y2={height + 1} className="stroke-line" />
      </svg>
      <figcaption className="text-sm text-muted">
        {label}: {total} gifts from {data[0]?.day} to {data.at(-1)?.day}, busiest day{" "}
        {max === 1 && total === 0 ? "none" : max}.
      </figcaption>
    </figure>
  );
}
