"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Which rows of a long, fixed-row-height list are in view (plus a margin), for a scroll container:
 * a thousand orders render as the twenty or so on screen, with spacers above and below keeping the
 * scrollbar honest. Scroll positions are read once per animation frame.
 */
export function useWindowedRows({
  count,
  rowHeight,
  overscan = 8,
  fallbackViewport = 600,
}: {
  count: number;
  rowHeight: number;
  overscan?: number;
  fallbackViewport?: number;
}) {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(fallbackViewport);
  const frame = useRef<number | null>(null);

  const onScroll = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      if (containerRef.current) setScrollTop(containerRef.current.scrollTop);
    });
  }, []);

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    setViewport(element.clientHeight || fallbackViewport);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || fallbackViewport));
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, [fallbackViewport]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return {
    containerRef,
    onScroll,
    start: Math.min(first, count),
    end: Math.max(last, Math.min(first, count)),
    padTop: Math.min(first, count) * rowHeight,
    padBottom: Math.max(0, count - last) * rowHeight,
  };
}
