"use client";

import { useSyncExternalStore } from "react";

const subscribe = (onChange: () => void) => {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
};
const isDark = () => document.documentElement.classList.contains("dark");

/** Dark by default; the choice is kept in localStorage and applied before first paint. */
export function ThemeToggle() {
  const dark = useSyncExternalStore(subscribe, isDark, () => true);
  return (
    <button
      type="button"
      aria-label={dark ? "Switch to light theme" : "Switch to dark theme"}
      className="rounded-md px-2 py-1 text-sm text-muted hover:text-fg"
      onClick={() => {
        const next = !dark;
        document.documentElement.classList.toggle("dark", next);
        try {
          localStorage.setItem("tranche-theme", next ? "dark" : "light");
        } catch {
          // private mode: the toggle still works for this page
        }
      }}
    >
      {dark ? "Light" : "Dark"}
    </button>
  );
}
