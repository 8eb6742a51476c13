import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() for signed-in staff whose role does not reach a page.
  experimental: { authInterrupts: true },
  // Server-only packages with WebAssembly or native parts: load them from node_modules as they are.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/schema-engine-wasm",
    "@node-rs/argon2",
    "sharp",
  ],
};

export default nextConfig;
