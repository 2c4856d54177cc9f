"use client";

import {
  CandlestickSeries,
  ColorType,
  LineSeries,
  LineStyle,
  createChart,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  type UTCTimestamp,
} from "lightweight-charts";
import { useEffect, useRef } from "react";
import type { TCandle } from "@/lib/contracts/market";

/**
 * The market around an order (lightweight-charts): candles of the venue's tape, the order's fills as
 * points, the market VWAP since the order started, and price lines at the arrival mid, the interval
 * VWAP and the order's average price. This module is only ever loaded with a dynamic import: the
 * chart library stays out of every other page's bundle.
 */
export interface PriceChartProps {
  candles: readonly TCandle[];
  /** One point per second with fills (seconds since epoch, quantity-weighted price). */
  fills: readonly { time: number; value: number }[];
  side: "buy" | "sell";
  /** The market VWAP since the order's start, bar by bar. */
  vwap: readonly { time: number; value: number }[];
  arrival: number | null;
  intervalVwap: number | null;
  averagePrice: number | null;
}

interface Palette {
  panel: string;
  fg: string;
  muted: string;
  border: string;
  accent: string;
  buy: string;
  sell: string;
  warn: string;
}

function palette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    panel: read("--panel", "#12161c"),
    fg: read("--fg", "#e6e9ee"),
    muted: read("--muted", "#8b95a3"),
    border: read("--border", "#262e39"),
    accent: read("--accent", "#4f8cff"),
    buy: read("--buy", "#22c38e"),
    sell: read("--sell", "#f0555f"),
    warn: read("--warn", "#e5a50a"),
  };
}

interface Chart {
  chart: IChartApi;
  candles: ISeriesApi<"Candlestick">;
  vwap: ISeriesApi<"Line">;
  fills: ISeriesApi<"Line">;
  lines: IPriceLine[];
  fitted: boolean;
}

const t = (seconds: number) => seconds as UTCTimestamp;

export function PriceChart(props: PriceChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const side = useRef(props.side);

  // Create once; restyle when the theme changes.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const colors = palette();
    const api = createChart(element, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: colors.panel },
        textColor: colors.muted,
        attributionLogo: false,
      },
      grid: { vertLines: { color: colors.border }, horzLines: { color: colors.border } },
      timeScale: { timeVisible: true, secondsVisible: true, borderColor: colors.border },
      rightPriceScale: { borderColor: colors.border },
      crosshair: { mode: 0 },
    });
    const candles = api.addSeries(CandlestickSeries, {
      upColor: colors.buy,
      downColor: colors.sell,
      wickUpColor: colors.buy,
      wickDownColor: colors.sell,
      borderVisible: false,
      priceLineVisible: false,
    });
    const vwap = api.addSeries(LineSeries, {
      color: colors.warn,
      lineWidth: 2,
      priceLineVisible: false,
      lastValueVisible: false,
      title: "VWAP",
    });
    const fills = api.addSeries(LineSeries, {
      lineVisible: false,
      pointMarkersVisible: true,
      pointMarkersRadius: 3,
      color: side.current === "buy" ? colors.buy : colors.sell,
      priceLineVisible: false,
      lastValueVisible: false,
      crosshairMarkerVisible: false,
      title: "Fills",
    });
    chart.current = { chart: api, candles, vwap, fills, lines: [], fitted: false };

    const restyle = () => {
      const c = palette();
      api.applyOptions({
        layout: { background: { type: ColorType.Solid, color: c.panel }, textColor: c.muted },
        grid: { vertLines: { color: c.border }, horzLines: { color: c.border } },
      });
      candles.applyOptions({ upColor: c.buy, downColor: c.sell, wickUpColor: c.buy, wickDownColor: c.sell });
      vwap.applyOptions({ color: c.warn });
      fills.applyOptions({ color: side.current === "buy" ? c.buy : c.sell });
    };
    const observer = new MutationObserver(restyle);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    return () => {
      observer.disconnect();
      api.remove();
      chart.current = null;
    };
  }, []);

  const { candles, fills, vwap, arrival, intervalVwap, averagePrice } = props;

  useEffect(() => {
    side.current = props.side;
    const colors = palette();
    chart.current?.fills.applyOptions({ color: props.side === "buy" ? colors.buy : colors.sell });
  }, [props.side]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.candles.setData(
      candles.map((bar) => ({
        time: t(Math.floor(Date.parse(bar.time) / 1000)),
        open: Number(bar.open),
        high: Number(bar.high),
        low: Number(bar.low),
        close: Number(bar.close),
      })),
    );
    if (!c.fitted && candles.length > 0) {
      c.chart.timeScale().fitContent();
      c.fitted = true;
    }
  }, [candles]);

  useEffect(() => {
    chart.current?.fills.setData(fills.map((p) => ({ time: t(p.time), value: p.value })));
  }, [fills]);

  useEffect(() => {
    chart.current?.vwap.setData(vwap.map((p) => ({ time: t(p.time), value: p.value })));
  }, [vwap]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    for (const line of c.lines) c.candles.removePriceLine(line);
    const colors = palette();
    const add = (price: number | null, title: string, color: string, style: LineStyle) =>
      price !== null && Number.isFinite(price)
        ? [
            c.candles.createPriceLine({
              price,
              title,
              color,
              lineStyle: style,
              lineWidth: 1,
              axisLabelVisible: true,
            }),
          ]
        : [];
    c.lines = [
      ...add(arrival, "Arrival", colors.accent, LineStyle.Dashed),
      ...add(intervalVwap, "Interval VWAP", colors.warn, LineStyle.Dotted),
      ...add(averagePrice, "Avg fill", colors.fg, LineStyle.SparseDotted),
    ];
  }, [arrival, intervalVwap, averagePrice]);

  return <div ref={container} className="h-full w-full" />;
}
