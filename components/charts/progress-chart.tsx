/**
 * Executed vs schedule over the order's life, as a small SVG: the executed share (a step per fill),
 * the linear schedule and, for VWAP orders, the schedule that follows the expected volume; a marker
 * at now. Percent of the target on the y axis.
 */
export interface ProgressChartProps {
  start: number;
  end: number;
  now: number;
  executed: readonly { time: number; pct: number }[];
  /** Scheduled share at a time (0..100), for the volume-following schedule; absent: linear only. */
  volumeSchedule?: (at: number) => number;
  label: string;
}

const W = 600;
const H = 200;
const M = { left: 36, right: 8, top: 8, bottom: 22 };
const SAMPLES = 60;

const timeText = (ms: number) =>
  new Date(ms).toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  });

export function ProgressChart({ start, end, now, executed, volumeSchedule, label }: ProgressChartProps) {
  const span = Math.max(1, end - start);
  const x = (ms: number) =>
    M.left + ((Math.min(Math.max(ms, start), end) - start) / span) * (W - M.left - M.right);
  const y = (pct: number) => M.top + (1 - pct / 100) * (H - M.top - M.bottom);

  const steps: string[] = [`M${x(start)},${y(0)}`];
  let last = 0;
  for (const point of executed) {
    steps.push(`H${x(point.time)}`, `V${y(point.pct)}`);
    last = point.pct;
  }
  steps.push(`H${x(Math.min(now, end))}`);

  const volumePath = volumeSchedule
    ? Array.from({ length: SAMPLES + 1 }, (_, i) => {
        const at = start + (span * i) / SAMPLES;
        return `${i === 0 ? "M" : "L"}${x(at).toFixed(1)},${y(volumeSchedule(at)).toFixed(1)}`;
      }).join(" ")
    : null;

  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="h-auto w-full">
        {[0, 50, 100].map((pct) => (
          <g key={pct}>
            <line
              x1={M.left}
              x2={W - M.right}
              y1={y(pct)}
              y2={y(pct)}
              className="stroke-border"
              strokeWidth={1}
            />
            <text x={M.left - 6} y={y(pct) + 4} textAnchor="end" className="fill-muted text-[10px]">
              {pct}%
            </text>
          </g>
        ))}
        <text x={M.left} y={H - 6} className="fill-muted text-[10px]">
          {timeText(start)}
        </text>
        <text x={W - M.right} y={H - 6} textAnchor="end" className="fill-muted text-[10px]">
          {timeText(end)}
        </text>
        <path
          d={`M${x(start)},${y(0)} L${x(end)},${y(100)}`}
          className="stroke-muted"
          strokeDasharray="4 4"
          strokeWidth={1.5}
          fill="none"
          vectorEffect="non-scaling-stroke"
        />
        {volumePath ? (
          <path
            d={volumePath}
            className="stroke-warn"
            strokeWidth={1.5}
            fill="none"
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
        <path
          d={steps.join(" ")}
          className="stroke-accent"
          strokeWidth={2}
          fill="none"
          vectorEffect="non-scaling-stroke"
        />
        {now > start && now < end ? (
          <line
            x1={x(now)}
            x2={x(now)}
            y1={M.top}
            y2={H - M.bottom}
            className="stroke-fg/40"
            strokeWidth={1}
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
        <circle cx={x(Math.min(now, end))} cy={y(last)} r={3} className="fill-accent" />
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs text-muted">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="h-0.5 w-4 bg-accent" /> Executed
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="h-0.5 w-4 border-t border-dashed border-muted" /> Linear schedule
        </span>
        {volumeSchedule ? (
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden className="h-0.5 w-4 bg-warn" /> Volume (VWAP) schedule
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
