"use client";

import { useId } from "react";
import { almgrenChriss, clamp01, tilt } from "@/lib/domain/execution/schedule";
import type { StrategyName } from "@/lib/domain/orders/types";

/**
 * The pre-submit schedule: the cumulative share of the order due over its duration, as the engine's
 * schedule shapes draw it (lib/domain/execution/schedule.ts) — linear for TWAP, the venue's expected
 * volume curve for VWAP and POV, back-loaded for Target Time, Almgren–Chriss for IS — tilted by alpha
 * tilt, with the discretion band around it. A small SVG: a few dozen points, no chart library.
 */

/** Target Time's shape exponent and IS's urgency at arrival (lib/domain/execution/{target-time,is}.ts). */
const TARGET_TIME_EXPONENT = 1.5;
const isUrgency = (passiveness: number) => 0.5 + 4 * (1 - Math.min(1, Math.max(0, passiveness)));

const SAMPLES = 60;
const W = 320;
const H = 150;
const PLOT = { left: 34, right: W - 8, top: 8, bottom: H - 26 };

export interface ScheduleInput {
  strategy: StrategyName;
  durationMs: number;
  alphaTilt: number;
  discretion: number;
  passiveness: number;
  /** Expected volume share per equal time bucket (sums to 1), for VWAP and POV; null while loading. */
  profile: number[] | null;
}

/** Cumulative volume share at time share u, linear inside each bucket. */
function volumeProgress(profile: number[], u: number): number {
  const x = clamp01(u) * profile.length;
  const whole = Math.floor(x);
  let done = 0;
  for (let i = 0; i < Math.min(whole, profile.length); i++) done += profile[i]!;
  if (whole < profile.length) done += profile[whole]! * (x - whole);
  return clamp01(done);
}

/** The schedule shape of a strategy, or null when it has none (it follows no time curve). */
export function scheduleShape(input: ScheduleInput): ((u: number) => number) | null {
  const { strategy, alphaTilt, profile, passiveness } = input;
  switch (strategy) {
    case "TWAP":
      return (u) => tilt(u, alphaTilt);
    case "VWAP":
      return profile ? (u) => tilt(volumeProgress(profile, u), alphaTilt) : null;
    case "POV":
      return profile ? (u) => volumeProgress(profile, u) : null;
    case "Target Time":
      return (u) => tilt(clamp01(u) ** TARGET_TIME_EXPONENT, alphaTilt);
    case "IS":
      return (u) => tilt(almgrenChriss(u, isUrgency(passiveness)), alphaTilt);
    default:
      return null;
  }
}

function formatSpan(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return `${Math.round(ms / 1000)} s`;
  if (minutes < 120) return `${Math.round(minutes * 10) / 10} min`;
  return `${Math.round((minutes / 60) * 10) / 10} h`;
}

const x = (u: number) => PLOT.left + u * (PLOT.right - PLOT.left);
const y = (c: number) => PLOT.bottom - c * (PLOT.bottom - PLOT.top);
const path = (points: [number, number][]) =>
  points.map(([u, c], i) => `${i === 0 ? "M" : "L"}${x(u).toFixed(1)},${y(c).toFixed(1)}`).join(" ");

export function SchedulePreview({ input }: { input: ScheduleInput }) {
  const id = useId();
  const shape = scheduleShape(input);
  if (!shape) return null;
  const samples = Array.from({ length: SAMPLES + 1 }, (_, i) => i / SAMPLES);
  const curve = samples.map((u): [number, number] => [u, shape(u)]);
  const d = input.strategy === "POV" ? 0 : Math.max(0, input.discretion);
  const band = [
    ...curve.map(([u, c]): [number, number] => [u, clamp01(c + d)]),
    ...[...curve].reverse().map(([u, c]): [number, number] => [u, clamp01(c - d)]),
  ];
  const half = curve.find(([, c]) => c >= 0.5)?.[0] ?? 1;
  const profile =
    (input.strategy === "VWAP" || input.strategy === "POV") && input.profile ? input.profile : null;
  const peak = profile ? Math.max(...profile, 1e-12) : 1;
  const description = `${input.strategy} over ${formatSpan(input.durationMs)}: half of the order is due after ${formatSpan(
    half * input.durationMs,
  )}${d > 0 ? `, within ±${Math.round(d * 100)} % of the schedule` : ""}.`;

  return (
    <figure className="flex flex-col gap-1">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>Schedule preview</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {[0, 0.5, 1].map((c) => (
          <g key={c}>
            <line
              x1={PLOT.left}
              x2={PLOT.right}
              y1={y(c)}
              y2={y(c)}
              className="stroke-border"
              strokeWidth={1}
            />
            <text x={PLOT.left - 4} y={y(c) + 3} textAnchor="end" className="fill-muted text-[9px]">
              {c * 100}%
            </text>
          </g>
        ))}
        {profile
          ? profile.map((share, i) => {
              const width = (PLOT.right - PLOT.left) / profile.length;
              const height = (share / peak) * (PLOT.bottom - PLOT.top) * 0.35;
              return (
                <rect
                  key={i}
                  x={PLOT.left + i * width + 0.5}
                  y={PLOT.bottom - height}
                  width={Math.max(0.5, width - 1)}
                  height={height}
                  className="fill-muted/25"
                />
              );
            })
          : null}
        {d > 0 ? <path d={`${path(band)} Z`} className="fill-accent/15" /> : null}
        <path
          d={path([
            [0, 0],
            [1, 1],
          ])}
          className="stroke-muted"
          strokeDasharray="3 3"
          strokeWidth={1}
          fill="none"
        />
        <path d={path(curve)} className="stroke-accent" strokeWidth={2} fill="none" />
        <text x={PLOT.left} y={H - 10} className="fill-muted text-[9px]">
          start
        </text>
        <text x={x(0.5)} y={H - 10} textAnchor="middle" className="fill-muted text-[9px]">
          +{formatSpan(input.durationMs / 2)}
        </text>
        <text x={PLOT.right} y={H - 10} textAnchor="end" className="fill-muted text-[9px]">
          +{formatSpan(input.durationMs)}
        </text>
      </svg>
      <figcaption className="text-xs text-muted">{description}</figcaption>
    </figure>
  );
}
