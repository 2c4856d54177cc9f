import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tranche", template: "%s · Tranche" },
  description: "Self-hosted execution dashboard",
};

// The theme class is set before first paint from localStorage, so there is no flash (dark by default).
const themeScript = `try{var t=localStorage.getItem("tranche-theme");document.documentElement.classList.toggle("dark",t!=="light")}catch(e){}`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className="dark" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
