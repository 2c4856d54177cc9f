"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useStreamStatus } from "@/lib/client/stream/use-stream-status";
import { ThemeToggle } from "./theme-toggle";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/trade", label: "Trade" },
  { href: "/orders", label: "Orders" },
  { href: "/fills", label: "Fills" },
  { href: "/rfq", label: "RFQ" },
  { href: "/accounts", label: "Accounts" },
  { href: "/settings", label: "Settings" },
] as const;

const LIVE_LOOK = {
  live: { label: "Live", dot: "bg-buy" },
  connecting: { label: "Connecting", dot: "bg-warn animate-pulse" },
  reconnecting: { label: "Reconnecting", dot: "bg-warn animate-pulse" },
  offline: { label: "Offline", dot: "bg-danger" },
} as const;

/** Whether live updates are flowing (the stream is opened by the dashboard layout). */
function LiveIndicator() {
  const status = useStreamStatus();
  const look = LIVE_LOOK[status];
  return (
    <span
      role="status"
      aria-label={`Live updates: ${look.label.toLowerCase()}`}
      title={status === "live" ? "Live updates are flowing" : "Live updates paused; retrying"}
      className="inline-flex w-28 shrink-0 items-center gap-1.5 text-xs text-muted"
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${look.dot}`} />
      {look.label}
    </span>
  );
}

export function AppNav({ email, role }: { email: string; role: string }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const isActive = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  return (
    <header className="sticky top-0 z-20 border-b border-border bg-panel/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-[1600px] items-center gap-4 px-4">
        <Link href="/" className="font-semibold tracking-tight">
          Tranche
        </Link>
        <LiveIndicator />
        <button
          type="button"
          className="ml-auto rounded-md px-2 py-1 text-sm text-muted md:hidden"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen((value) => !value)}
        >
          Menu
        </button>
        <nav
          id="main-nav"
          aria-label="Main"
          className={`${open ? "flex" : "hidden"} absolute left-0 right-0 top-14 flex-col gap-1 border-b border-border bg-panel p-2 md:static md:flex md:flex-row md:border-0 md:bg-transparent md:p-0`}
        >
          {LINKS.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              aria-current={isActive(link.href) ? "page" : undefined}
              onClick={() => setOpen(false)}
              className={`rounded-md px-3 py-1.5 text-sm ${isActive(link.href) ? "bg-panel-2 text-fg" : "text-muted hover:text-fg"}`}
            >
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="hidden items-center gap-3 md:ml-auto md:flex">
          <span className="text-xs text-muted" title={role}>
            {email}
          </span>
          <ThemeToggle />
          <button
            type="button"
            className="rounded-md px-2 py-1 text-sm text-muted hover:text-fg"
            onClick={() => signOut({ callbackUrl: "/login" })}
          >
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
