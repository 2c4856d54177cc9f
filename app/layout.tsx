import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tranche", template: "%s · Tranche" },
  description: "Self-hosted execution dashboard",
};

// The theme class is set before first paint from localStorage, so there is no flash (dark by default).
const themeScript = `try{var t=localStorage.getItem("tranche-theme");document.documentElement.classList.toggle("dark",t!=="light")}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts gives each page a nonce; the Content-Security-Policy runs no inline script without it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" className="dark" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
